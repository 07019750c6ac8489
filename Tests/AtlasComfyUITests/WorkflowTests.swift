import AtlasComfyUI
import AtlasCore
import Foundation
import Testing

@Suite("API-format workflows")
struct WorkflowTests {
    @Test("the recorded invert prompt reads as three nodes with a title and links, and writes back unchanged")
    func invertPrompt() throws {
        let recorded = try Recording.json("02-run-invert/post_prompt.json", "request", "body", "prompt")
        let workflow = try ComfyUIWorkflow(json: recorded)
        #expect(workflow.sortedNodeIDs == ["1", "2", "3"])
        #expect(workflow.nodes["1"]?.title == "Plate")
        #expect(workflow.nodes["2"]?.inputs["image"] == .link(ComfyUILink(node: "1", output: 0)))
        #expect(workflow.nodes["3"]?.inputs["filename_prefix"] == .literal("atlas/invert"))
        #expect(workflow.json == recorded)
        #expect(workflow.fileSavingNodeIDs == ["3"])
    }

    @Test("nodes come after the nodes they read from, whatever their ids")
    func dependencyOrder() throws {
        let workflow = try ComfyUIWorkflow(json: Recording.json("03-run-scale-blur-sharpen/post_prompt.json", "request", "body", "prompt"))
        let order = try workflow.dependencyOrder()
        #expect(Set(order) == Set(workflow.nodes.keys))
        for (id, node) in workflow.nodes {
            for source in node.upstreamNodeIDs {
                #expect(order.firstIndex(of: source)! < order.firstIndex(of: id)!)
            }
        }
        let named = try ComfyUIWorkflow(json: [
            "save_image_websocket_node": ["class_type": "SaveImageWebsocket", "inputs": ["images": ["load", 0]]],
            "load": ["class_type": "LoadImage", "inputs": ["image": "a.png"]],
        ])
        #expect(try named.dependencyOrder() == ["load", "save_image_websocket_node"])
    }

    @Test("a loop of links is reported with the nodes in it")
    func cycle() throws {
        let workflow = try ComfyUIWorkflow(json: [
            "1": ["class_type": "ImageInvert", "inputs": ["image": ["2", 0]]],
            "2": ["class_type": "ImageInvert", "inputs": ["image": ["1", 0]]],
            "3": ["class_type": "EmptyImage", "inputs": ["width": 8]],
        ])
        #expect(throws: ComfyUIWorkflowError.cycle(["1", "2"])) { try workflow.dependencyOrder() }
    }

    @Test("a list literal travels wrapped in __value__ and reads back as the list")
    func wrappedList() throws {
        let workflow = try ComfyUIWorkflow(json: [
            "1": ["class_type": "Custom", "inputs": ["sizes": ["__value__": [512, 768]], "mode": ["__value__": "x"]]],
        ])
        #expect(workflow.nodes["1"]?.inputs["sizes"] == .literal([512, 768]))
        #expect(workflow.json == ["1": ["class_type": "Custom", "inputs": ["sizes": ["__value__": [512, 768]], "mode": ["__value__": "x"]]]])
    }

    @Test("the editor's workflow format is refused with a hint to export the API format")
    func editorFormat() {
        let editor: JSONValue = ["last_node_id": 3, "nodes": [["id": 1, "type": "LoadImage"]], "links": [[1, 1, 0, 2, 0, "IMAGE"]], "version": 0.4]
        #expect(throws: ComfyUIWorkflowError.uiFormat) { try ComfyUIWorkflow(json: editor) }
        #expect(ComfyUIWorkflowError.uiFormat.description.contains("Export (API)"))
    }

    @Test("shapes that ComfyUI refuses late are refused when the workflow is read")
    func malformed() throws {
        #expect(throws: ComfyUIWorkflowError.notAnObject) { try ComfyUIWorkflow(json: []) }
        #expect(throws: ComfyUIWorkflowError.notAnObject) { try ComfyUIWorkflow(data: Data("{not json".utf8)) }
        #expect(throws: ComfyUIWorkflowError.empty) { try ComfyUIWorkflow(json: [:]) }
        #expect(throws: ComfyUIWorkflowError.missingClassType("1")) {
            try ComfyUIWorkflow(json: Recording.json("05-errors/missing_class_type.json", "request", "body", "prompt"))
        }
        #expect(throws: ComfyUIWorkflowError.badLink(node: "3", input: "images")) {
            try ComfyUIWorkflow(json: Recording.json("05-errors/bad_link_shape.json", "request", "body", "prompt"))
        }
        #expect(throws: ComfyUIWorkflowError.linkToMissingNode(node: "3", input: "images", target: "42")) {
            try ComfyUIWorkflow(json: Recording.json("05-errors/link_to_missing_node.json", "request", "body", "prompt"))
        }
    }

    @Test("a workflow is Codable as the API format itself")
    func codable() throws {
        let workflow = try Recording.decode(ComfyUIWorkflow.self, "02-run-invert/post_prompt.json", "request", "body", "prompt")
        let again = try JSONDecoder().decode(ComfyUIWorkflow.self, from: JSONEncoder().encode(workflow))
        #expect(again == workflow)
    }

    @Test("output nodes are the ones /object_info marks as such")
    func outputNodes() throws {
        let workflow = try ComfyUIWorkflow(json: Recording.json("03-run-scale-blur-sharpen/post_prompt.json", "request", "body", "prompt"))
        #expect(workflow.outputNodeIDs(in: try ObjectInfoFixture.recorded()) == ["5", "6"])
    }
}
