import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import WebSocketKit
@testable import ComfyUIStandIn

/// A WebSocket client of `/ws` that keeps every frame it receives, in order.
final class FrameRecorder: Sendable {
    enum Frame: Sendable {
        case text(JSON)
        case binary(Data)

        var json: JSON? {
            if case .text(let value) = self { return value }
            return nil
        }
    }

    private struct State {
        var frames: [Frame] = []
        var closed = false
    }

    private let socket: WebSocket
    private let state: NIOLockedValueBox<State>

    private init(socket: WebSocket, state: NIOLockedValueBox<State>) {
        self.socket = socket
        self.state = state
    }

    /// Connects, sends `firstMessage` when given, and returns once the first frame arrived.
    static func connect(to url: String, firstMessage: JSON? = nil) async throws -> FrameRecorder {
        let state = NIOLockedValueBox(State())
        let opened = NIOLockedValueBox<WebSocket?>(nil)
        // The future-returning `connect`: the async overload loses the URL's query (`clientId`).
        let connecting: EventLoopFuture<Void> = WebSocket.connect(to: url, on: MultiThreadedEventLoopGroup.singleton) { socket in
            socket.onText { _, text in
                let value = (try? JSONParser.parse(text)) ?? .string(text)
                state.withLockedValue { $0.frames.append(.text(value)) }
            }
            socket.onBinary { _, buffer in
                state.withLockedValue { $0.frames.append(.binary(Data(buffer.readableBytesView))) }
            }
            socket.onClose.whenComplete { _ in state.withLockedValue { $0.closed = true } }
            if let firstMessage { socket.send(JSONWriter.write(firstMessage), promise: nil) }
            opened.withLockedValue { $0 = socket }
        }
        try await connecting.get()
        // The upgrade callback may run just after `connect` returns.
        let deadline = ContinuousClock.now + .seconds(10)
        while opened.withLockedValue({ $0 }) == nil {
            guard ContinuousClock.now < deadline else { throw HarnessError("the WebSocket did not open") }
            try await Task.sleep(for: .milliseconds(5))
        }
        let recorder = FrameRecorder(socket: opened.withLockedValue { $0! }, state: state)
        _ = try await recorder.waitFor(count: 1)
        return recorder
    }

    var frames: [Frame] { state.withLockedValue { $0.frames } }
    var texts: [JSON] { frames.compactMap(\.json) }
    var isClosed: Bool { state.withLockedValue { $0.closed } }

    /// Waits until `count` frames arrived.
    @discardableResult
    func waitFor(count: Int, timeout: Duration = .seconds(20)) async throws -> [Frame] {
        try await waitUntil(timeout: timeout, "\(count) frames") { $0.count >= count }
    }

    /// Waits until a text frame matches.
    @discardableResult
    func waitFor(timeout: Duration = .seconds(20), _ what: String = "a matching frame",
                 where matches: @escaping (JSON) -> Bool) async throws -> [JSON] {
        _ = try await waitUntil(timeout: timeout, what) { $0.contains { $0.json.map(matches) ?? false } }
        return texts
    }

    /// Waits for the end of `promptID` (`executing` with node null) and returns every text frame.
    @discardableResult
    func waitForEnd(of promptID: String, timeout: Duration = .seconds(20)) async throws -> [JSON] {
        try await waitFor(timeout: timeout, "the end of \(promptID)") {
            $0["type"] == "executing" && $0["data"]?["node"] == .null && $0["data"]?["prompt_id"] == .string(promptID)
        }
    }

    func waitUntilClosed(timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + timeout
        while !isClosed {
            guard ContinuousClock.now < deadline else { throw HarnessError("the WebSocket stayed open") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    func send(_ message: JSON) async throws { try await socket.send(JSONWriter.write(message)) }

    func close() async { try? await socket.close() }

    private func waitUntil(timeout: Duration, _ what: String, _ done: ([Frame]) -> Bool) async throws -> [Frame] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let frames = self.frames
            if done(frames) { return frames }
            guard ContinuousClock.now < deadline else {
                throw HarnessError("no \(what) within \(timeout); got \(FrameSummary.describe(texts))")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
