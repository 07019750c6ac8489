import Vapor

/// One `/ws` connection: registers it, and reads its frames in order. Only the first frame that
/// parses as JSON may negotiate feature flags; anything else a client sends is ignored.
enum WebSocketSession {
    /// Called on the event loop right after the upgrade, so no frame arrives before the reader.
    static func start(_ socket: WebSocket, requestedID: String?, hub: SocketHub, queue: PromptQueue) {
        let (inbox, continuation) = AsyncStream.makeStream(of: String.self)
        socket.onText { _, text in continuation.yield(text) }
        Task {
            let clientID = await hub.connect(socket, requestedID: requestedID, queueRemaining: await queue.remaining)
            socket.onClose.whenComplete { _ in
                continuation.finish()
                Task { await hub.disconnect(clientID, socket: socket) }
            }
            var first = true
            for await text in inbox {
                guard let message = try? JSONParser.parse(text) else { continue }
                if first, message["type"] == .string("feature_flags") {
                    await hub.negotiateFeatures(message["data"] ?? .object(JSONObject()), clientID: clientID)
                }
                first = false
            }
        }
    }
}
