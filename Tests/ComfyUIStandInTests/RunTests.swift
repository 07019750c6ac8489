import Foundation
import Testing
@testable import ComfyUIStandIn

@Suite("A prompt runs as the recorded ones did (02-run-invert, 03-run-scale-blur-sharpen, 04-batch)")
struct RunTests {
    @Test("LoadImage → ImageInvert → SaveImage sends the recorded frames, files the recorded history and job, and writes the PNG")
    func invertRun() async throws {
        try await withStandIn { session in
            let plate = Recording.bytes("01-upload/atlas_plate.png")
            _ = try await session.upload(MultipartForm().file("image", filename: "atlas_plate.png", plate))
            let clientID = UUID().uuidString.lowercased()
            let socket = try await session.connect(clientID: clientID)
            let post = Recording("02-run-invert/post_prompt")
            let answer = try await session.submit(post.requestBody["prompt"]!, clientID: clientID)
            let promptID = try #require(answer["prompt_id"]?.stringValue)
            #expect(JSONShape(answer).differences(from: JSONShape(post.responseBody)).isEmpty)
            let frames = try await socket.waitForEnd(of: promptID)
            let recorded = Recording("02-run-invert/ws_messages")
            #expect(FrameSummary.describe(frames) == FrameSummary.describe(Recording.textFrames(recorded.json)))
            for (mine, theirs) in zip(frames, Recording.textFrames(recorded.json)) {
                #expect(JSONShape(mine).differences(from: JSONShape(theirs)).isEmpty, "\(FrameSummary.describe(mine))")
            }
            let history = try await session.history(of: promptID)
            let recordedHistory = Recording("02-run-invert/history").responseBody.objectValue!.first { _ in true }!.value
            #expect(JSONShape(history).differences(from: JSONShape(recordedHistory)).isEmpty)
            #expect(history["outputs"] == recordedHistory["outputs"])
            let job = try await session.get("/api/jobs/\(promptID)").json
            #expect(JSONShape(job).differences(from: JSONShape(Recording("02-run-invert/job").responseBody)).isEmpty)
            let view = try await session.get("/view?filename=invert_00001_.png&subfolder=atlas&type=output")
            #expect(view.status == 200 && view.header("Content-Type") == "image/png")
            #expect(view.header("Content-Disposition") == "filename=\"invert_00001_.png\"")
            #expect(view.body.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        }
    }

    @Test("nodes run in dependency order with the preview first, not in id order; outputs land in output and temp")
    func scaleBlurSharpen() async throws {
        try await withStandIn { session in
            let clientID = UUID().uuidString.lowercased()
            let socket = try await session.connect(clientID: clientID)
            let post = Recording("03-run-scale-blur-sharpen/post_prompt")
            let promptID = try #require(try await session.submit(post.requestBody["prompt"]!, clientID: clientID)["prompt_id"]?.stringValue)
            let frames = try await socket.waitForEnd(of: promptID)
            let recorded = Recording.textFrames(Recording("03-run-scale-blur-sharpen/ws_messages").json)
            let order = { (frames: [JSON]) in FrameSummary.describe(frames).filter { $0.hasPrefix("executing:") } }
            #expect(order(frames) == order(recorded))
            #expect(order(frames) == ["executing:1", "executing:2", "executing:6", "executing:3", "executing:4", "executing:5", "executing:null"])
            let outputs = try await session.history(of: promptID)["outputs"]
            #expect(outputs?["5"] == ["images": [["filename": "plate_00001_.png", "subfolder": "atlas/job_0001", "type": "output"]]])
            let preview = try #require(outputs?["6"]?["images"]?.arrayValue?.first)
            #expect(preview["type"] == "temp" && preview["filename"]?.stringValue?.hasPrefix("ComfyUI_temp_") == true)
            let temp = try await session.get("/view?filename=\(preview["filename"]!.stringValue!)&type=temp")
            #expect(temp.status == 200)
            let png = try await session.get("/view?filename=plate_00001_.png&subfolder=atlas/job_0001")
            #expect(png.status == 200)
        }
    }

    @Test("a batch of three gives three consecutive files from one SaveImage")
    func imageBatch() async throws {
        try await withStandIn { session in
            let post = Recording("04-batch/image_batch_post_prompt")
            let promptID = try #require(try await session.submit(post.requestBody["prompt"]!)["prompt_id"]?.stringValue)
            let history = try await session.history(of: promptID)
            let recorded = Recording("04-batch/image_batch_history").responseBody.objectValue!.first { _ in true }!.value
            #expect(history["outputs"] == recorded["outputs"])
        }
    }

    @Test("prompts sent back to back queue behind the running one: /queue, /prompt, /api/jobs and status counts")
    func burst() async throws {
        let held = StandInFaults(hangingNodes: ["ImageBlur"], missingOutputs: .filesNotWritten)
        try await withStandIn(StandInOptions(faults: held)) { session in
            let clientID = UUID().uuidString.lowercased()
            let socket = try await session.connect(clientID: clientID)
            let posts = Recording("04-batch/burst_post_prompts").json.arrayValue!
            var ids: [String] = []
            for post in posts {
                let answer = try await session.submit(post["request"]!["body"]!["prompt"]!, clientID: clientID)
                ids.append(answer["prompt_id"]!.stringValue!)
                #expect(answer["number"]?.numberValue != nil && answer["node_errors"] == .object([:]))
                if ids.count == 1 { try await session.waitUntilRunning(ids[0]) }
            }
            let queue = try await session.get("/queue").json
            #expect(JSONShape(queue).differences(from: JSONShape(Recording("04-batch/burst_queue_while_running").responseBody)).isEmpty)
            #expect(queue["queue_running"]?.arrayValue?.count == 1 && queue["queue_pending"]?.arrayValue?.count == 2)
            let load = try await session.get("/prompt").json
            #expect(load == Recording("04-batch/burst_prompt_get_while_running").responseBody)
            let jobs = try await session.get("/api/jobs?limit=5").json
            #expect(jobs["jobs"]?.arrayValue?.map { $0["status"]! } == ["pending", "pending", "in_progress"])
            #expect(JSONShape(jobs).differences(from: JSONShape(Recording("04-batch/burst_jobs_while_running").responseBody)).isEmpty)
            session.comfy.updateFaults { $0.hangingNodes = [] }
            let frames = try await socket.waitForEnd(of: ids[2])
            let counts = frames.filter { $0["type"] == "status" }.compactMap { $0["data"]?["status"]?["exec_info"]?["queue_remaining"]?.numberValue }
            #expect(counts == [0, 1, 1, 2, 3, 2, 2, 1, 1, 0])
            let starts = frames.filter { $0["type"] == "execution_start" }.compactMap { $0["data"]?["prompt_id"]?.stringValue }
            #expect(starts == ids)
        }
    }
}
