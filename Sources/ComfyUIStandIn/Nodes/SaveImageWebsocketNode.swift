import Foundation

/// `SaveImageWebsocket`: sends every frame as a PNG preview over the WebSocket, one progress
/// step per frame, and nothing to history. Its `IS_CHANGED` is the time, so it always runs.
struct SaveImageWebsocketNode: NodeOperation {
    func fingerprint(_ inputs: JSONObject, environment: NodeEnvironment) -> JSON? {
        .double(Date().timeIntervalSince1970)
    }

    func run(_ call: NodeCall) async throws -> NodeResult {
        let frames = try call.images("images").frames
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("standin-ws-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = frames.indices.map { scratch.appendingPathComponent("\($0).png") }
        try await call.environment.renderer.write(zip(frames, files).map { .init(frame: $0, file: $1) }, compressionLevel: 1)
        for (step, file) in files.enumerated() {
            // A frame the renderer did not write fails the node, as any node error does, rather than send an empty image.
            let png = try Data(contentsOf: file)
            try await call.progress.update(step, of: frames.count, preview: .init(png: png))
        }
        return NodeResult(outputs: [])
    }
}
