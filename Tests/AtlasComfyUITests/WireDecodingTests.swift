import AtlasComfyUI
import AtlasCore
import Foundation
import Testing

@Suite("HTTP bodies as recorded")
struct WireDecodingTests {
    @Test("a completed job lists its outputs and times")
    func completedJob() throws {
        let job = try Recording.decode(ComfyUIJob.self, "02-run-invert/job.json", "response", "body")
        #expect(job.status == .completed && job.status.isFinished)
        #expect(job.outputFiles == [ComfyUIOutputFile(node: "3", key: "images", file: ComfyUIFileReference(filename: "invert_00001_.png", subfolder: "atlas"))])
        #expect(job.startedAt.map { $0.timeIntervalSince1970 * 1000 } == 1795550319504)
        #expect(job.executionError == nil && job.interruption == nil)
    }

    @Test("a failed job carries the execution error, a cancelled one the interrupt")
    func failedAndCancelled() throws {
        let failed = try Recording.decode(ComfyUIJob.self, "05-errors/runtime_error_job.json", "response", "body")
        #expect(failed.status == .failed)
        #expect(failed.executionError?.exceptionType == "PIL.UnidentifiedImageError")
        let cancelled = try Recording.decode(ComfyUIJob.self, "06-interrupt/between_nodes_job.json", "response", "body")
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.interruption?.nodeID == "12")
        #expect(cancelled.interruption?.executed == ["10", "1", "11"])
    }

    @Test("pending and running prompts are told apart by /api/jobs, not by /history")
    func pendingAndRunning() throws {
        let path = "11-history-jobs/lookup_while_running_and_pending.json"
        #expect(try Recording.decode(ComfyUIJob.self, path, "job_running", "response", "body").status == .inProgress)
        #expect(try Recording.decode(ComfyUIJob.self, path, "job_pending", "response", "body").status == .pending)
        let history = try Recording.decode([String: ComfyUIHistoryEntry].self, path, "history_of_running", "response", "body")
        #expect(history.isEmpty)
    }

    @Test("a history entry lists outputs and its status")
    func history() throws {
        let entries = try Recording.decode([String: ComfyUIHistoryEntry].self, "02-run-invert/history.json", "response", "body")
        let entry = try #require(entries["78c252a3-ee17-4e14-adb7-792fe70b4b14"])
        #expect(entry.statusText == "success" && entry.completed)
        #expect(entry.outputFiles.map(\.file.filename) == ["invert_00001_.png"])
    }

    @Test("pending prompts come sorted into run order, though ComfyUI sends them in heap order")
    func queue() throws {
        let queue = try Recording.decode(ComfyUIQueue.self, "04-batch/burst_queue_while_running.json", "response", "body")
        #expect(queue.running.map(\.number) == [4])
        #expect(queue.pending.map(\.number) == [5, 6])
        let heap = ComfyUIQueue(running: [], pending: [.init(number: 7, promptID: "b"), .init(number: -1000, promptID: "a"), .init(number: 3, promptID: "c")])
        #expect(heap.pending.map(\.promptID) == ["a", "c", "b"])
    }

    @Test("server facts, submissions and upload answers")
    func smallBodies() throws {
        let stats = try Recording.decode(ComfyUISystemStats.self, "00-server/system_stats.json", "response", "body")
        #expect(stats.comfyUIVersion == "0.12.1" && stats.devices.first?.type == "cpu")
        let submission = try Recording.decode(ComfyUISubmission.self, "02-run-invert/post_prompt.json", "response", "body")
        #expect(submission == ComfyUISubmission(promptID: "78c252a3-ee17-4e14-adb7-792fe70b4b14", number: 1))
        let upload = try Recording.decode(ComfyUIFileReference.self, "01-upload/upload_subfolder.json", "response", "body")
        #expect(upload == ComfyUIFileReference(filename: "plate_v001.png", subfolder: "atlas/shot010", type: "input"))
        #expect(upload.promptValue == "atlas/shot010/plate_v001.png")
        let explicitNumber = try JSONDecoder().decode(ComfyUISubmission.self, from: Data(#"{"prompt_id": "p", "number": -1000.0, "node_errors": {}}"#.utf8))
        #expect(explicitNumber.number == -1000)
    }

    @Test("outputs list every key's files, not only images, and skip items that are not files")
    func outputKeys() {
        let output: JSONValue = [
            "images": [["filename": "a.png", "subfolder": "s", "type": "output"]],
            "gifs": [["filename": "b.webp", "subfolder": "", "type": "output", "format": "image/webp"]],
            "animated": [true], "text": ["hello"],
        ]
        #expect(ComfyUIOutputFile.files(node: "9", output: output).map(\.key) == ["gifs", "images"])
    }
}
