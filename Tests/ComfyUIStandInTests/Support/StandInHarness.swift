import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
@testable import ComfyUIStandIn

/// Runs `body` against a fresh stand-in, which is shut down afterwards whatever happens.
func withStandIn<T>(_ options: StandInOptions = StandInOptions(),
                    _ body: (StandInSession) async throws -> T) async throws -> T {
    let comfy = try await ComfyUIStandIn.start(options)
    do {
        let result = try await body(StandInSession(comfy: comfy))
        await comfy.shutdown()
        return result
    } catch {
        await comfy.shutdown()
        throw error
    }
}

/// A client of one stand-in, speaking plain HTTP as ComfyUI's clients do.
struct StandInSession: Sendable {
    let comfy: RunningStandIn

    func get(_ path: String, headers: [(String, String)] = []) async throws -> HTTPReply {
        try await send("GET", path, body: nil, headers: headers)
    }

    func post(_ path: String, json: JSON) async throws -> HTTPReply {
        try await send("POST", path, body: Data(JSONWriter.write(json).utf8), headers: [("Content-Type", "application/json")])
    }

    func post(_ path: String, text: String?, contentType: String? = "application/json") async throws -> HTTPReply {
        try await send("POST", path, body: text.map { Data($0.utf8) }, headers: contentType.map { [("Content-Type", $0)] } ?? [])
    }

    func upload(_ form: MultipartForm) async throws -> HTTPReply {
        try await send("POST", "/upload/image", body: form.body, headers: [("Content-Type", form.contentType)])
    }

    func send(_ method: String, _ path: String, body: Data?, headers: [(String, String)] = []) async throws -> HTTPReply {
        var request = HTTPClientRequest(url: comfy.url.absoluteString + path)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 256 << 20)
        return HTTPReply(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                         body: Data(bytes.readableBytesView))
    }

    /// Queues `prompt` (API format) and returns the answer's JSON.
    func submit(_ prompt: JSON, clientID: String? = nil, extra: JSONObject = [:]) async throws -> JSON {
        var body: JSONObject = ["prompt": prompt]
        if let clientID { body["client_id"] = .string(clientID) }
        for (key, value) in extra { body[key] = value }
        let reply = try await post("/prompt", json: .object(body))
        guard reply.status == 200 else { throw HarnessError("POST /prompt answered \(reply.status): \(reply.text)") }
        return reply.json
    }

    /// The history entry of `promptID` once it is there.
    func history(of promptID: String, timeout: Duration = .seconds(20)) async throws -> JSON {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let entry = try await get("/history/\(promptID)").json[promptID] { return entry }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw HarnessError("no history for \(promptID) within \(timeout)")
    }

    /// Waits until `promptID` is the running prompt.
    func waitUntilRunning(_ promptID: String, timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            let running = try await get("/queue").json["queue_running"]?.arrayValue ?? []
            if running.contains(where: { $0[1] == .string(promptID) }) { return }
            guard ContinuousClock.now < deadline else { throw HarnessError("\(promptID) did not start within \(timeout)") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits until nothing runs or waits.
    func waitUntilIdle(timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while await comfy.queueRemaining() > 0 {
            guard ContinuousClock.now < deadline else { throw HarnessError("the queue did not drain within \(timeout)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Opens `/ws`, with `clientId` unless nil, and waits for the first `status` frame.
    func connect(clientID: String? = UUID().uuidString.lowercased(), featureFlags: JSON? = nil) async throws -> FrameRecorder {
        var url = comfy.webSocketURL.absoluteString
        if let clientID { url += "?clientId=\(clientID)" }
        return try await FrameRecorder.connect(to: url, firstMessage: featureFlags.map { ["type": "feature_flags", "data": $0] })
    }
}
