/// ComfyUI's `send_sync`: frames are queued in the order they are sent, from any task, and
/// delivered one by one by the socket hub. Sending never waits, so an actor can publish while it
/// changes state and the frames keep the order of the changes.
final class FramePublisher: Sendable {
    let frames: AsyncStream<OutboundFrame>
    private let continuation: AsyncStream<OutboundFrame>.Continuation

    init() {
        (frames, continuation) = AsyncStream.makeStream(of: OutboundFrame.self)
    }

    func send(_ event: String, _ data: JSON, to clientID: String?) {
        continuation.yield(.text(event: event, data: data, clientID: clientID))
    }

    func send(_ frame: OutboundFrame) { continuation.yield(frame) }

    /// `queue_updated`: the new count of running + pending prompts, to every socket.
    func sendStatus(queueRemaining: Int) {
        send("status", ["status": ["exec_info": ["queue_remaining": .int(queueRemaining)]]], to: nil)
    }

    func finish() { continuation.finish() }
}
