import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import WebSocketKit

/// One WebSocket to a ComfyUI server (`/ws?clientId=`), handing every decoded frame, and its
/// closing, to a callback.
final class ComfyUIEventSocket: Sendable {
    enum Event: Sendable {
        case message(ComfyUIMessage)
        case closed
    }

    private let socket: WebSocket
    private static let logger = Logger(label: "atlas.comfyui.socket")

    private init(socket: WebSocket) {
        self.socket = socket
    }

    /// Opens the socket. The callback is installed before the first frame arrives, so the
    /// `status` greeting and everything after it reach it.
    static func connect(client: ComfyUIClient, clientID: String, timeout: Duration,
                        onEvent: @escaping @Sendable (Event) -> Void) async throws -> ComfyUIEventSocket {
        let attempt = ComfyUISocketAttempt()
        // Frames reach 60 kB with preview images and more with big progress_state snapshots;
        // WebSocketKit's 16 kB default would close the connection on them.
        let future = WebSocket.connect(to: client.webSocketURL(clientID: clientID), headers: client.headers,
                                       configuration: .init(maxFrameSize: 64 << 20), on: MultiThreadedEventLoopGroup.singleton) { socket in
            socket.onText { _, text in
                do { onEvent(.message(try ComfyUIMessage(text: text))) } catch { logger.debug("skipped a frame: \(error)") }
            }
            socket.onBinary { _, buffer in onEvent(.message(ComfyUIMessage(binary: Array(buffer.readableBytesView)))) }
            socket.onClose.whenComplete { _ in onEvent(.closed) }
            attempt.upgraded(socket)
        }
        let socket = try await attempt.wait(for: future, timeout: timeout, server: client.serverName)
        return ComfyUIEventSocket(socket: socket)
    }

    func close() async {
        try? await socket.close()
    }
}

/// The race between a WebSocket connecting and its time limit. A socket that connects after its
/// caller gave up is closed, so nothing leaks.
private final class ComfyUISocketAttempt: Sendable {
    private struct State {
        var continuation: CheckedContinuation<WebSocket, any Error>?
        /// An outcome that came before anyone waited for it.
        var early: Result<WebSocket, ComfyUIError>?
        var settled = false
    }

    private let state = NIOLockedValueBox(State())

    func upgraded(_ socket: WebSocket) {
        if !settle(.success(socket)) { _ = socket.close() }
    }

    func wait(for future: EventLoopFuture<Void>, timeout: Duration, server: String) async throws -> WebSocket {
        try await withCheckedThrowingContinuation { continuation in
            let early = state.withLockedValue { state in
                if state.early == nil { state.continuation = continuation }
                return state.early
            }
            if let early {
                continuation.resume(with: early.mapError { $0 as any Error })
                return
            }
            future.whenFailure { error in
                self.settle(.failure(ComfyUIError.unreachable(server: server, reason: "the WebSocket did not open: \(error)")))
            }
            future.eventLoop.scheduleTask(in: .duration(timeout)) {
                self.settle(.failure(ComfyUIError.unreachable(server: server, reason: "the WebSocket did not open in time")))
            }
        }
    }

    /// Settles the attempt once; false when it was already settled.
    @discardableResult
    private func settle(_ result: Result<WebSocket, ComfyUIError>) -> Bool {
        let (first, continuation) = state.withLockedValue { state -> (Bool, CheckedContinuation<WebSocket, any Error>?) in
            guard !state.settled else { return (false, nil) }
            state.settled = true
            if state.continuation == nil { state.early = result }
            return (true, state.continuation)
        }
        continuation?.resume(with: result.mapError { $0 as any Error })
        return first
    }
}
