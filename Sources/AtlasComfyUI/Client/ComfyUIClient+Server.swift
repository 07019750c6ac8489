import AtlasCore
import Foundation

extension ComfyUIClient {
    /// `GET /system_stats`: version, devices, memory. Also the liveness check after a connection loss.
    public func systemStats() async throws -> ComfyUISystemStats {
        let reply = try await send(.GET, "/system_stats")
        try reply.expect(200)
        return try reply.decode(ComfyUISystemStats.self, what: "/system_stats")
    }

    /// `GET /object_info`: every node class of the server (about 0.8 MB on a stock install).
    public func objectInfo() async throws -> ComfyUIObjectInfo {
        let reply = try await send(.GET, "/object_info")
        try reply.expect(200)
        return try reply.decode(ComfyUIObjectInfo.self, what: "/object_info")
    }

    /// `GET /object_info/{class}`; `nil` when the server has no such class (it answers `{}`).
    public func objectInfo(classType: String) async throws -> ComfyUINodeInfo? {
        let reply = try await send(.GET, "/object_info/" + ComfyUIQuery.encode(classType))
        try reply.expect(200)
        return try reply.decode(ComfyUIObjectInfo.self, what: "/object_info/\(classType)")[classType]
    }

    /// `GET /prompt`: prompts running plus pending, the cheap load signal.
    public func queueRemaining() async throws -> Int {
        let reply = try await send(.GET, "/prompt")
        try reply.expect(200)
        let body = try reply.decode(JSONValue.self, what: "GET /prompt")
        guard case .object(let fields) = body, case .object(let info)? = fields["exec_info"],
              let remaining = info["queue_remaining"]?.number else {
            throw ComfyUIError.protocolViolation("GET /prompt has no exec_info.queue_remaining")
        }
        return Int(remaining)
    }

    /// `GET /queue`: the running and pending prompts. Heavier than `queueRemaining()`: it copies every queued prompt.
    public func queue() async throws -> ComfyUIQueue {
        let reply = try await send(.GET, "/queue")
        try reply.expect(200)
        return try reply.decode(ComfyUIQueue.self, what: "/queue")
    }
}
