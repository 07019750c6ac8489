import AtlasComfyUI
import AtlasCore
import Foundation
import Testing

@Suite("A run's inputs")
struct InputValidationTests {
    private func errors(_ manifest: AIToolManifest, _ inputs: [String: JSONValue]) -> [AIToolFieldError] {
        do {
            _ = try manifest.arguments(from: inputs)
            return []
        } catch {
            return error.errors
        }
    }

    @Test("defaults fill what the caller leaves out; optional inputs without a default keep the workflow's value")
    func defaults() throws {
        let arguments = try ToolFixture.card.arguments(from: ["radius": 5])
        #expect(arguments.values == ["radius": 5, "sigma": 1.5, "method": "bilinear"])
        #expect(arguments.images.isEmpty && arguments.generatedSeeds.isEmpty)
    }

    @Test("each value is held to its input's type, range, step and options")
    func rules() {
        let errors = errors(ToolFixture.card, ["radius": 2.5, "sigma": 11, "method": "area", "color": "red", "label": 7])
        #expect(errors.map(\.field) == ["inputs.radius", "inputs.sigma", "inputs.method", "inputs.color", "inputs.label"])
        #expect(errors.map(\.code) == ["wrong_type", "out_of_range", "not_in_list", "wrong_type", "wrong_type"])
        #expect(self.errors(ToolFixture.card, ["sigma": 0.25]).map(\.code) == ["not_on_step"])
        #expect(self.errors(ToolFixture.card, ["radius": 0]).first?.message == "must be at least 1 (got 0)")
    }

    @Test("a required input must be given, and unknown names are refused")
    func requiredAndUnknown() {
        let errors = errors(ToolFixture.invert, ["plates": "x"])
        #expect(errors == [
            AIToolFieldError(field: "inputs.plates", code: "unknown_input", message: "the tool has no input plates"),
            AIToolFieldError(field: "inputs.plate", code: "required", message: "is required"),
        ])
        #expect(self.errors(ToolFixture.invert, ["plate": .null]).map(\.code) == ["required"])
    }

    @Test("an image is the id of an asset version")
    func image() throws {
        let version = UUID()
        let arguments = try ToolFixture.invert.arguments(from: ["plate": .string(version.uuidString)])
        #expect(arguments.images == ["plate": version])
        #expect(arguments.values.isEmpty)
        #expect(errors(ToolFixture.invert, ["plate": "plate.png"]).first?.message == "must be the id of an asset version")
    }

    @Test("a seed left out is picked at random within its range and recorded; a given seed is kept")
    func seeds() throws {
        var tool = ToolFixture.card
        tool.inputs.append(AIToolInput(name: "seed", type: .seed, node: "1", field: "color", maximum: 1000))
        let picked = try tool.arguments(from: [:]) { range in
            #expect(range == 0...1000)
            return 617
        }
        #expect(picked.values["seed"] == 617 && picked.generatedSeeds == ["seed"])
        let given = try tool.arguments(from: ["seed": 42])
        #expect(given.values["seed"] == 42 && given.generatedSeeds.isEmpty)
        let unbounded = AIToolInput(name: "seed", type: .seed, node: "1", field: "color")
        tool.inputs[tool.inputs.count - 1] = unbounded
        let random = try tool.arguments(from: [:])
        guard case .number(let seed)? = random.values["seed"] else { throw RecordingError("no seed") }
        #expect(seed >= 0 && seed < Double(AIToolManifest.generatedSeedLimit) && seed.rounded() == seed)
        #expect(errors(tool, ["seed": -1]).map(\.code) == ["out_of_range"])
    }

    @Test("arguments are stored as snake_case JSON and read back the same")
    func stored() throws {
        let arguments = AIToolArguments(values: ["seed": 5], images: ["plate": UUID()], generatedSeeds: ["seed"])
        let json = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(arguments))
        guard case .object(let fields) = json else { throw RecordingError("not an object") }
        #expect(fields["generated_seeds"] == ["seed"])
        #expect(try JSONDecoder().decode(AIToolArguments.self, from: JSONEncoder().encode(arguments)) == arguments)
    }
}
