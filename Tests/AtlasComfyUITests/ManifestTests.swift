import AtlasComfyUI
import AtlasCore
import Foundation
import Testing

@Suite("Tool manifests")
struct ManifestTests {
    @Test("a manifest reads from snake_case JSON with defaults for what it leaves out, and writes back the same")
    func json() throws {
        let text = """
        {"name": "blur", "title": "Blur", "outputs": [{"name": "result", "node": "5", "type": "image"}],
         "inputs": [{"name": "radius", "type": "int", "node": "3", "field": "blur_radius", "default": 3, "min": 1, "max": 31, "step": 1},
                    {"name": "plate", "type": "image", "node": "1", "field": "image"},
                    {"name": "seed", "type": "seed", "node": "7", "field": "seed"}],
         "models": [{"folder": "upscale_models", "file": "4x-UltraSharp.pth", "url": "https://example.com/4x.pth"}]}
        """
        let manifest = try JSONDecoder().decode(AIToolManifest.self, from: Data(text.utf8))
        #expect(manifest.description == "" && manifest.category == "general" && manifest.version == "1")
        #expect(manifest.inputs.map(\.required) == [false, true, false])
        #expect(manifest.inputs[0].minimum == 1 && manifest.inputs[0].defaultValue == 3)
        #expect(manifest.models.first?.folder == "upscale_models")
        let written = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(manifest))
        guard case .object(let fields) = written, case .array(let inputs)? = fields["inputs"], case .object(let radius) = inputs[0] else {
            Issue.record("not an object")
            return
        }
        #expect(radius["default"] == 3 && radius["min"] == 1 && radius["required"] == false)
        #expect(try JSONDecoder().decode(AIToolManifest.self, from: JSONEncoder().encode(manifest)) == manifest)
    }

    @Test("the example tools pass against their workflows and the recorded server")
    func valid() throws {
        let info = try ObjectInfoFixture.recorded()
        #expect(ToolFixture.invert.problems(workflow: try ToolFixture.invertWorkflow(), objectInfo: info) == [])
        #expect(ToolFixture.card.problems(workflow: try ToolFixture.cardWorkflow(), objectInfo: info) == [])
    }

    @Test("bindings must point at existing nodes and fields that are not fed by links, once each")
    func bindings() throws {
        var tool = ToolFixture.card
        tool.inputs[0].node = "42"
        tool.inputs[1].field = "sigmaa"
        tool.inputs.append(AIToolInput(name: "again", type: .float, node: "4", field: "image", required: false))
        tool.inputs.append(AIToolInput(name: "twice", type: .enum, node: "2", field: "upscale_method", defaultValue: "bicubic", options: ["bicubic"]))
        tool.outputs[1].node = "60"
        let problems = tool.problems(workflow: try ToolFixture.cardWorkflow())
        #expect(problems.map(\.field) == ["inputs[0].node", "inputs[1].field", "inputs[5].field", "inputs[6].field", "outputs[1].node"])
        #expect(problems.map(\.code) == ["unknown_node", "unknown_field", "linked_field", "duplicate_binding", "unknown_node"])
        #expect(problems[1].message.contains("blur_radius, image, sigma"))
    }

    @Test("a manifest's own rules: names, ranges, steps, options and defaults that fit them")
    func ownRules() throws {
        var tool = ToolFixture.card
        tool.name = "Soft Card!"
        tool.inputs[0].minimum = 40
        tool.inputs[1].step = 0
        tool.inputs[2].options = []
        tool.inputs[3].defaultValue = 1.5
        tool.inputs[4].options = ["x"]
        tool.outputs = []
        let problems = tool.problems(workflow: try ToolFixture.cardWorkflow())
        #expect(problems.map(\.field) == ["name", "inputs[0].min", "inputs[1].step", "inputs[2].options", "inputs[3].default", "inputs[4].options", "outputs"])
        #expect(problems.map(\.code) == ["invalid_name", "invalid_range", "invalid_step", "required", "wrong_type", "not_allowed", "required"])
    }

    @Test("defaults outside the manifest's range or step, or not in its options, are refused")
    func defaults() throws {
        var tool = ToolFixture.card
        tool.inputs[0].defaultValue = 40
        tool.inputs[1].defaultValue = 1.55
        tool.inputs[2].defaultValue = "area"
        let problems = tool.problems(workflow: try ToolFixture.cardWorkflow())
        #expect(problems.map(\.field) == ["inputs[0].default", "inputs[1].default", "inputs[2].default"])
        #expect(problems.map(\.code) == ["out_of_range", "not_on_step", "not_in_list"])
    }

    @Test("against a server: unknown node types, unknown fields, types that do not fit, and its own ranges and lists")
    func againstServer() throws {
        let info = try ObjectInfoFixture.recorded()
        var workflow = try ToolFixture.cardWorkflow()
        workflow.nodes["4"]?.classType = "AtlasNoSuchNode"
        workflow.nodes["3"]?.inputs["sigmaa"] = .literal(1)
        var tool = ToolFixture.card
        tool.inputs[1].field = "sigmaa"
        tool.inputs[0].maximum = 64
        tool.inputs[0].defaultValue = 40
        tool.inputs[2].options = ["bilinear", "superres"]
        tool.inputs[3].type = .float
        tool.outputs[0].node = "2"
        let problems = tool.problems(workflow: workflow, objectInfo: info)
        #expect(problems.map(\.field) == ["workflow.4.class_type", "inputs[0].max", "inputs[0].default", "inputs[1].field",
                                          "inputs[2].options[1]", "inputs[3].type", "outputs[0].node"])
        #expect(problems.map(\.code) == ["unknown_node_type", "out_of_range", "out_of_range", "unknown_field", "not_in_list",
                                         "type_mismatch", "not_an_output_node"])
    }

    @Test("an image input fits LoadImage's upload list, whatever files it lists today")
    func imageUpload() throws {
        var tool = ToolFixture.invert
        tool.inputs.append(AIToolInput(name: "flip", type: .bool, node: "1", field: "image", required: false))
        let problems = tool.problems(workflow: try ToolFixture.invertWorkflow(), objectInfo: try ObjectInfoFixture.recorded())
        #expect(problems.map(\.code) == ["duplicate_binding", "type_mismatch"])
    }

    @Test("field errors become one validation_failed problem")
    func problem() {
        let error = [AIToolFieldError(field: "inputs[0].default", code: "out_of_range", message: "must be at most 31 (got 40)")].atlasError
        #expect(error.code == "validation_failed" && error.status == 400)
        #expect(error.fieldErrors == [FieldError(field: "inputs[0].default", message: "must be at most 31 (got 40)", code: "out_of_range")])
    }
}
