@testable import AtlasComfyUI
import AtlasCore
import Foundation
import Testing

@Suite("Following a prompt through its recorded frames")
struct RunTrackerTests {
    private func track(_ path: String, _ keys: String..., promptID: String, nodes: [String]) throws -> (ComfyUIRunTracker, [ComfyUIProgress]) {
        var tracker = ComfyUIRunTracker(promptID: promptID, nodeIDs: nodes)
        var snapshots: [ComfyUIProgress] = []
        let messages = keys.isEmpty ? try Recording.messages(path) : try Recording.messages(path, keys[0])
        for message in messages where tracker.apply(message) {
            snapshots.append(tracker.progress)
            if tracker.ending != nil && tracker.ending != .over { break }
        }
        return (tracker, snapshots)
    }

    @Test("the invert run succeeds with its saved file, and progress only moves forward to 1")
    func invert() throws {
        let (tracker, snapshots) = try track("02-run-invert/ws_messages.json", promptID: "78c252a3-ee17-4e14-adb7-792fe70b4b14", nodes: ["1", "2", "3"])
        #expect(tracker.ending == .succeeded)
        #expect(tracker.files.map(\.file.filename) == ["invert_00001_.png"])
        let fractions = snapshots.map(\.fraction)
        #expect(fractions == fractions.sorted())
        #expect(fractions.last == 1)
        #expect(snapshots.contains { $0.node == "2" })
    }

    @Test("a run with a preview keeps the temp file apart from the saved one")
    func previewAndOutput() throws {
        let prompt = try Recording.json("03-run-scale-blur-sharpen/post_prompt.json", "response", "body", "prompt_id")
        guard case .string(let promptID) = prompt else { throw RecordingError("no prompt id") }
        let (tracker, _) = try track("03-run-scale-blur-sharpen/ws_messages.json", promptID: promptID, nodes: ["1", "2", "3", "4", "5", "6"])
        let result = ComfyUIRunResult(promptID: promptID, files: tracker.files)
        #expect(tracker.ending == .succeeded)
        #expect(result.outputs.map(\.node) == ["5"])
        #expect(result.outputs.first?.file.subfolder == "atlas/job_0001")
        #expect(result.previews.map(\.node) == ["6"])
        #expect(result.previews.first?.file.type == "temp")
    }

    @Test("frames of other prompts change nothing")
    func otherPrompts() throws {
        let (tracker, snapshots) = try track("02-run-invert/ws_messages.json", promptID: "some-other-prompt", nodes: ["1", "2", "3"])
        #expect(tracker.ending == nil)
        #expect(snapshots.isEmpty)
    }

    @Test("a node's own progress counts towards the overall estimate until the interrupt ends the run")
    func interruptedWithProgress() throws {
        let (tracker, snapshots) = try track("06-interrupt/mid_node_ws_messages.json", promptID: "93d87339-4fa9-4302-afb8-f1e1aa2cd77c", nodes: ["1", "2"])
        guard case .interrupted(let interruption)? = tracker.ending else {
            Issue.record("not interrupted: \(String(describing: tracker.ending))")
            return
        }
        #expect(interruption.nodeID == "2")
        let inNode = snapshots.filter { $0.node == "2" && $0.nodeMax == 24 }
        #expect(inNode.contains { $0.nodeValue == 3 })
        #expect(inNode.last.map { $0.fraction > 0.5 && $0.fraction < 1 } == true)
    }

    @Test("a runtime error ends the run as failed with the node that raised")
    func failed() throws {
        let (tracker, _) = try track("05-errors/runtime_error_ws_messages.json", promptID: "4d1ef0d4-f25d-40e0-9382-99ac45e98a7e", nodes: ["1", "2", "3"])
        guard case .failed(let error)? = tracker.ending else {
            Issue.record("not failed")
            return
        }
        #expect(error.nodeID == "1")
    }

    @Test("a fully cached resubmit counts every node done and still lists the output")
    func cached() throws {
        let post = try Recording.json("08-cache/2_identical_resubmit.json", "post_prompt", "response", "body", "prompt_id")
        guard case .string(let promptID) = post else { throw RecordingError("no prompt id") }
        let prompt = try ComfyUIWorkflow(json: Recording.json("08-cache/2_identical_resubmit.json", "post_prompt", "request", "body", "prompt"))
        let (tracker, _) = try track("08-cache/2_identical_resubmit.json", "ws_messages", promptID: promptID, nodes: Array(prompt.nodes.keys))
        #expect(tracker.ending == .succeeded)
        #expect(Set(tracker.cachedNodes) == Set(prompt.nodes.keys))
        #expect(!tracker.files.isEmpty)
        #expect(tracker.progress.fraction == 1)
    }
}
