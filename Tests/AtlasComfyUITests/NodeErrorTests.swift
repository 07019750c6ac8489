import AtlasComfyUI
import AtlasCore
import Foundation
import Testing

@Suite("ComfyUI's validation errors, mapped back to tool inputs")
struct NodeErrorTests {
    static let refusals = [
        "bad_link_shape", "bad_value_type", "invalid_node_type", "link_to_missing_node", "load_image_missing_file",
        "missing_class_type", "missing_linked_image_input", "missing_required_input", "no_output_node", "no_prompt_key",
        "numeric_string_coerced_ok_but_too_big", "prompt_not_an_object", "return_type_mismatch", "value_below_min", "value_not_in_list",
    ]

    private func rejection(_ name: String) throws -> ComfyUIPromptRejection {
        try Recording.decode(ComfyUIPromptRejection.self, "05-errors/\(name).json", "response", "body")
    }

    /// A tool over the recorded EmptyImage → ImageScale → SaveImage prompts, with width and method exposed.
    private let tool = AIToolManifest(
        name: "scaled-card", title: "Scaled card",
        inputs: [
            AIToolInput(name: "card_width", type: .int, node: "1", field: "width", defaultValue: 8),
            AIToolInput(name: "method", type: .enum, node: "2", field: "upscale_method", defaultValue: "bilinear",
                        options: ["bilinear", "bicubic"]),
        ],
        outputs: [AIToolOutput(name: "card", node: "3", type: .image)])

    @Test("every recorded 400 body decodes, with an error type and the nodes at fault", arguments: refusals)
    func decodes(name: String) throws {
        let rejection = try rejection(name)
        #expect(rejection.error?.type.isEmpty == false)
        #expect(!rejection.summary.isEmpty)
    }

    @Test("a value out of range at a bound field is reported at the tool input")
    func boundInput() throws {
        let errors = tool.fieldErrors(for: try rejection("numeric_string_coerced_ok_but_too_big"))
        #expect(errors == [AIToolFieldError(field: "inputs.card_width", code: "value_bigger_than_max",
                                            message: "ComfyUI refused it: Value 99999 bigger than max of 16384: width")])
        #expect(tool.fieldErrors(for: try rejection("value_not_in_list")).map(\.field) == ["inputs.method"])
        #expect(tool.fieldErrors(for: try rejection("value_below_min")).map(\.code) == ["value_smaller_than_min"])
    }

    @Test("a problem at a field no input is bound to is reported at the workflow node")
    func unboundInput() throws {
        #expect(tool.fieldErrors(for: try rejection("missing_required_input")).map(\.field) == ["workflow.2.inputs.height"])
        #expect(tool.fieldErrors(for: try rejection("link_to_missing_node")).map(\.field) == ["workflow.3"])
    }

    @Test("whole-prompt errors point at the node they name, or at the workflow")
    func wholePrompt() throws {
        let missingType = tool.fieldErrors(for: try rejection("invalid_node_type"))
        #expect(missingType.map(\.field) == ["workflow.2.class_type"])
        #expect(missingType.first?.code == "missing_node_type")
        #expect(tool.fieldErrors(for: try rejection("no_output_node")).map(\.field) == ["workflow"])
    }

    @Test("a 200 that queued only the good outputs still lists the bad node")
    func partialSuccess() throws {
        let rejection = try rejection("one_good_one_bad_output")
        #expect(rejection.error == nil)
        #expect(rejection.nodeErrors["3"]?.dependentOutputs == ["4"])
        #expect(rejection.nodeErrors["3"]?.errors.first?.inputName == "upscale_method")
    }
}
