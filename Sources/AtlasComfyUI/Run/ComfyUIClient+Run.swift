import AtlasCore
import Foundation
import NIOConcurrencyHelpers

extension ComfyUIClient {
    /// Submits a prompt and follows it: opens a WebSocket with a fresh client id first (so no
    /// frame is missed), submits with that id and Atlas's `promptID`, and returns the run.
    ///
    /// - Parameters:
    ///   - promptID: Unique per attempt; ComfyUI silently accepts a reused id and overwrites its history.
    ///   - expectedOutputs: Output nodes that must list files for the run to succeed (a tool's outputs).
    /// - Throws: `.rejected` when ComfyUI refuses the prompt, `.unreachable` when the server does not answer.
    public func start(_ prompt: ComfyUIWorkflow, promptID: String, expectedOutputs: [String] = [],
                      extraData: [String: JSONValue] = [:], options: ComfyUIRunOptions = .init()) async throws -> ComfyUIRun {
        let (events, sink) = AsyncStream.makeStream(of: ComfyUIRunLoop.Event.self)
        let clientID = UUID().uuidString.lowercased()
        let socket = try await ComfyUIEventSocket.connect(client: self, clientID: clientID, timeout: options.connectTimeout) {
            sink.yield(.socket($0, generation: 0))
        }
        let submission: ComfyUISubmission
        do {
            submission = try await submit(prompt, promptID: promptID, clientID: clientID, extraData: extraData)
        } catch {
            await socket.close()
            sink.finish()
            throw error
        }
        let (progress, progressSink) = AsyncStream.makeStream(of: ComfyUIProgress.self, bufferingPolicy: .bufferingNewest(1))
        let cancelRequested = NIOLockedValueBox(false)
        let loop = ComfyUIRunLoop(client: self, promptID: promptID, nodeIDs: prompt.nodes.keys, expectedOutputs: expectedOutputs,
                                  options: options, events: events, sink: sink, socket: socket, progress: progressSink,
                                  cancelRequested: cancelRequested)
        let following = Task {
            var loop = loop
            return await loop.run()
        }
        return ComfyUIRun(promptID: promptID, client: self, submission: submission, progress: progress,
                          cancelRequested: cancelRequested, following: following)
    }
}
