import AtlasCore
import Foundation

extension AIToolManifest {
    /// Seeds Atlas picks stay below 2^52, so they survive JSON number handling (here and in
    /// JavaScript) exactly and can be given back unchanged to repeat a run.
    public static let generatedSeedLimit: UInt64 = 1 << 52

    /// Checks a run's inputs (`{"inputs": {…}}` of an execute request) against the manifest: type,
    /// range, step, required, enum membership; unknown names are refused. Fills in defaults and
    /// picks a seed for every seed input left out.
    public func arguments(
        from given: [String: JSONValue],
        randomSeed: (ClosedRange<UInt64>) -> UInt64 = { UInt64.random(in: $0) }
    ) throws(AIToolValidationError) -> AIToolArguments {
        var errors = given.keys.sorted().filter { input(named: $0) == nil }.map {
            AIToolFieldError(field: "inputs.\($0)", code: "unknown_input", message: "the tool has no input \($0)")
        }
        var arguments = AIToolArguments(values: [:], images: [:])
        for input in inputs {
            let field = "inputs.\(input.name)"
            guard let value = Self.given(given[input.name]) ?? input.defaultValue else {
                if input.type == .seed {
                    arguments.values[input.name] = .number(Double(randomSeed(Self.seedRange(input))))
                    arguments.generatedSeeds.append(input.name)
                } else if input.required {
                    errors.append(AIToolFieldError(field: field, code: "required", message: "is required"))
                }
                continue
            }
            if let problem = AIToolValueRule(input).problem(with: value, field: field) {
                errors.append(problem)
            } else if input.type == .image, case .string(let id) = value, let uuid = UUID(uuidString: id) {
                arguments.images[input.name] = uuid
            } else {
                arguments.values[input.name] = value
            }
        }
        guard errors.isEmpty else { throw AIToolValidationError(errors) }
        return arguments
    }

    /// A JSON `null` counts as not given.
    private static func given(_ value: JSONValue?) -> JSONValue? {
        value == .null ? nil : value
    }

    private static func seedRange(_ input: AIToolInput) -> ClosedRange<UInt64> {
        let low = UInt64(max(0, min(input.minimum ?? 0, Double(generatedSeedLimit - 1))))
        let high = UInt64(max(Double(low), min(input.maximum ?? Double(generatedSeedLimit - 1), Double(generatedSeedLimit - 1))))
        return low...high
    }
}
