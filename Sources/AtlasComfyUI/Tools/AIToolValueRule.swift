import AtlasCore
import Foundation

/// The constraints one value is held to, whether they come from a manifest input (run inputs,
/// defaults) or from a server's `/object_info` (defaults against what the node accepts).
struct AIToolValueRule: Sendable {
    var type: AIToolInputType
    var minimum: Double?
    var maximum: Double?
    /// Enforced for manifest inputs only: ComfyUI's own `step` is a hint to its editor.
    var step: Double?
    var options: [String]?

    init(type: AIToolInputType, minimum: Double? = nil, maximum: Double? = nil, step: Double? = nil, options: [String]? = nil) {
        self.type = type
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.options = options
    }

    /// The rule a manifest input states.
    init(_ input: AIToolInput) {
        self.init(type: input.type, minimum: input.minimum ?? (input.type == .seed ? 0 : nil),
                  maximum: input.maximum, step: input.step, options: input.options)
    }

    /// The first problem with `value`, as a field error at `field`, or `nil` when it passes.
    func problem(with value: JSONValue, field: String) -> AIToolFieldError? {
        if let message = typeProblem(value) { return AIToolFieldError(field: field, code: "wrong_type", message: message) }
        if case .number(let number) = value {
            if let minimum, number < minimum {
                return AIToolFieldError(field: field, code: "out_of_range", message: "must be at least \(Self.text(minimum)) (got \(Self.text(number)))")
            }
            if let maximum, number > maximum {
                return AIToolFieldError(field: field, code: "out_of_range", message: "must be at most \(Self.text(maximum)) (got \(Self.text(number)))")
            }
            if let step, step > 0, !Self.isOnStep(number, step: step, base: minimum ?? 0) {
                return AIToolFieldError(field: field, code: "not_on_step", message: "must be a multiple of \(Self.text(step)) from \(Self.text(minimum ?? 0)) (got \(Self.text(number)))")
            }
        }
        if case .string(let text) = value, let options, type == .enum, !options.contains(text) {
            return AIToolFieldError(field: field, code: "not_in_list", message: "must be one of \(options.joined(separator: ", ")) (got \(text))")
        }
        return nil
    }

    private func typeProblem(_ value: JSONValue) -> String? {
        switch (type, value) {
        case (.image, .string(let text)):
            return UUID(uuidString: text) == nil ? "must be the id of an asset version" : nil
        case (.image, _): return "must be the id of an asset version"
        case (.string, .string), (.enum, .string), (.bool, .bool), (.float, .number): return nil
        case (.int, .number(let number)), (.seed, .number(let number)):
            return number.rounded() == number ? nil : "must be a whole number"
        case (.string, _), (.enum, _): return "must be a string"
        case (.bool, _): return "must be true or false"
        case (.int, _), (.seed, _): return "must be a whole number"
        case (.float, _): return "must be a number"
        }
    }

    private static func isOnStep(_ value: Double, step: Double, base: Double) -> Bool {
        let steps = (value - base) / step
        return abs(steps - steps.rounded()) < 1e-6
    }

    static func text(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 9.0e15 ? String(Int64(number)) : String(number)
    }
}
