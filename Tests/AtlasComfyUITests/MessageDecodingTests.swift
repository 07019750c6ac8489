import AtlasComfyUI
import AtlasCore
import Foundation
import Testing

@Suite("WebSocket frames as recorded")
struct MessageDecodingTests {
    static let recordings = [
        "02-run-invert/ws_messages.json", "03-run-scale-blur-sharpen/ws_messages.json", "05-errors/runtime_error_ws_messages.json",
        "06-interrupt/mid_node_ws_messages.json", "06-interrupt/between_nodes_ws_messages.json",
    ]

    @Test("every recorded text frame decodes to a known message", arguments: recordings)
    func everyFrame(path: String) throws {
        for text in try Recording.frames(path).texts {
            let message = try ComfyUIMessage(text: text)
            if case .other(let type) = message { Issue.record("\(path): unknown frame type \(type)") }
        }
    }

    @Test("the frames of the cached resubmit and of the upload-less run decode too")
    func nestedRecordings() throws {
        #expect(try Recording.messages("08-cache/2_identical_resubmit.json", "ws_messages").count > 5)
    }

    @Test("a status frame carries the queue length, and the session id only on connect")
    func status() throws {
        let messages = try Recording.messages("02-run-invert/ws_messages.json")
        #expect(messages.first == .status(queueRemaining: 0, sessionID: "65a6bf7d-8b61-4851-8e0b-220cb667f684"))
        #expect(messages[1] == .status(queueRemaining: 1, sessionID: nil))
    }

    @Test("executed lists the saved file and executing without a node ends the prompt")
    func executedAndEnd() throws {
        let messages = try Recording.messages("02-run-invert/ws_messages.json")
        let prompt = "78c252a3-ee17-4e14-adb7-792fe70b4b14"
        var executed: [JSONValue] = []
        for case .executed(prompt, "3", let output) in messages { executed.append(output) }
        #expect(ComfyUIOutputFile.files(node: "3", output: try #require(executed.first))
                == [ComfyUIOutputFile(node: "3", key: "images", file: ComfyUIFileReference(filename: "invert_00001_.png", subfolder: "atlas"))])
        #expect(messages.last == .executing(promptID: prompt, node: nil))
        #expect(messages.allSatisfy { $0.promptID == nil || $0.promptID == prompt })
    }

    @Test("a runtime error names the node, the exception and what had run")
    func runtimeError() throws {
        let messages = try Recording.messages("05-errors/runtime_error_ws_messages.json")
        var errors: [ComfyUIExecutionError] = []
        for case .executionError(let error) in messages { errors.append(error) }
        let error = try #require(errors.first)
        #expect(error.nodeID == "1" && error.nodeType == "LoadImage")
        #expect(error.exceptionType == "PIL.UnidentifiedImageError")
        #expect(error.executed.isEmpty)
    }

    @Test("an interrupt names the node that was running and progress frames carry value and max")
    func interrupted() throws {
        let messages = try Recording.messages("06-interrupt/mid_node_ws_messages.json")
        var interruptions: [ComfyUIInterruption] = []
        for case .executionInterrupted(let interruption) in messages { interruptions.append(interruption) }
        let interruption = try #require(interruptions.first)
        #expect(interruption.nodeID == "2" && interruption.nodeType == "SaveImageWebsocket" && interruption.executed == ["1"])
        #expect(messages.contains(.progress(promptID: interruption.promptID, node: "2", value: 3, max: 24)))
        #expect(try Recording.frames("06-interrupt/mid_node_ws_messages.json").binaryCount > 0)
    }

    @Test("binary preview frames are recognised and skipped; with metadata they name their prompt and node")
    func binaryPreviews() throws {
        let plain = try Recording.data("09-ws/save_image_websocket_without_flags_frame0.bin")
        #expect(ComfyUIMessage(binary: Array(plain)) == .preview(promptID: nil, node: nil))
        let withMetadata = try Recording.data("09-ws/save_image_websocket_with_preview_metadata_frame0.bin")
        #expect(ComfyUIMessage(binary: Array(withMetadata)) == .preview(promptID: "b0ab375f-2276-4128-81ce-748a624f44ad", node: "2"))
        #expect(ComfyUIMessage(binary: [0, 0, 0, 4, 0xff, 0xff, 0xff, 0xff, 1]) == .preview(promptID: nil, node: nil))
        #expect(ComfyUIMessage(binary: [0, 0, 0, 2, 0, 0, 0, 1]) == .other(type: "binary:2"))
        #expect(ComfyUIMessage(binary: [1, 2]) == .other(type: "binary"))
    }

    @Test("a frame that is not JSON, or lacks the prompt it is about, is a protocol violation")
    func malformed() throws {
        #expect(throws: ComfyUIError.self) { try ComfyUIMessage(text: "{not json") }
        #expect(throws: ComfyUIError.self) { try ComfyUIMessage(text: #"{"type": "execution_start", "data": {}}"#) }
        #expect(try ComfyUIMessage(text: #"{"type": "crystools.monitor", "data": {}}"#) == .other(type: "crystools.monitor"))
    }
}
