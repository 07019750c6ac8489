import AtlasCore
import Foundation

/// A ComfyUI v0.12.1 stand-in for tests and benchmarks: it answers HTTP and WebSocket as the
/// recorded server did (routes, status codes, error bodies, frame order and routing, queue
/// priorities, classic cache) and really runs a few image nodes with oiiotool.
///
/// ```swift
/// let comfy = try await ComfyUIStandIn.start()
/// defer { Task { await comfy.shutdown() } }
/// // talk to comfy.url, e.g. POST \(comfy.url)/api/prompt
/// ```
public enum ComfyUIStandIn {
    /// Starts listening; returns once connections are accepted.
    public static func start(_ options: StandInOptions = StandInOptions()) async throws -> RunningStandIn {
        let ownsRoot = options.root == nil
        let root = options.root
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("comfyui-standin-\(UUID().uuidString)", isDirectory: true)
        let folders = StandInFolders(root: root)
        try folders.prepare()
        try ExampleImage.install(in: folders.input)
        let core = StandInCore(options: options, folders: folders)
        await core.worker.start()
        do {
            let front = try await HTTPFront.start(context: core.context, host: options.host, port: options.port)
            return RunningStandIn(core: core, front: front, host: options.host, folders: folders, ownsRoot: ownsRoot)
        } catch {
            await core.stop()
            if ownsRoot { try? FileManager.default.removeItem(at: root) }
            throw error
        }
    }

    /// Starts on `options.port`, prints `listening on URL` and serves until SIGINT or SIGTERM,
    /// then shuts down (removing a temporary root): the `comfyui-standin` executable.
    public static func serve(_ options: StandInOptions) async throws {
        let running = try await start(options)
        // Written and flushed at once: a parent process reads the port from this line through a pipe.
        FileHandle.standardOutput.write(Data("listening on \(running.url.absoluteString)\n".utf8))
        await StopSignal.wait()
        await running.shutdown()
    }
}
