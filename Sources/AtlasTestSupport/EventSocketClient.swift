import AtlasCore
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import Vapor

/// A WebSocket client of `/api/v1/events` for tests and benchmarks: connects with an API key,
/// sends messages, and waits for the messages it receives, in order.
public final class EventSocketClient: Sendable {
    private struct Inbox {
        var messages: [(JSONValue, ContinuousClock.Instant)] = []
        var waiter: CheckedContinuation<Void, Never>?
        var closed = false
    }

    private let socket: WebSocket
    private let inbox: NIOLockedValueBox<Inbox>

    private init(socket: WebSocket, inbox: NIOLockedValueBox<Inbox>) {
        self.socket = socket
        self.inbox = inbox
    }

    /// Opens `ws://127.0.0.1:<port>/api/v1/events` as the holder of `key` (anonymous when nil).
    public static func connect(port: Int, key: String?, headers: HTTPHeaders = [:]) async throws -> EventSocketClient {
        var headers = headers
        if let key { headers.replaceOrAdd(name: .authorization, value: "Bearer \(key)") }
        let inbox = NIOLockedValueBox(Inbox())
        let opened = NIOLockedValueBox<WebSocket?>(nil)
        try await WebSocket.connect(to: "ws://127.0.0.1:\(port)/api/v1/events", headers: headers,
                                    on: MultiThreadedEventLoopGroup.singleton) { ws in
            opened.withLockedValue { $0 = ws }
            ws.onText { _, text in
                let value = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
                let waiter = inbox.withLockedValue { state in
                    state.messages.append((value, .now))
                    defer { state.waiter = nil }
                    return state.waiter
                }
                waiter?.resume()
            }
            ws.onClose.whenComplete { _ in
                let waiter = inbox.withLockedValue { state in
                    state.closed = true
                    defer { state.waiter = nil }
                    return state.waiter
                }
                waiter?.resume()
            }
        }
        // The upgrade callback may run just after `connect` returns.
        let deadline = ContinuousClock.now + .seconds(5)
        while opened.withLockedValue({ $0 }) == nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        guard let socket = opened.withLockedValue({ $0 }) else { throw TestSupportError("the WebSocket did not open") }
        return EventSocketClient(socket: socket, inbox: inbox)
    }

    public func send(_ message: JSONValue) async throws {
        try await send(text: String(decoding: try JSONEncoder().encode(message), as: UTF8.self))
    }

    public func send(text: String) async throws {
        try await socket.send(text)
    }

    public func send(binary: [UInt8]) async throws {
        try await socket.send(binary)
    }

    /// Subscribes to `topics` and waits for the `subscribed` reply.
    @discardableResult
    public func subscribe(_ topics: [String], timeout: Duration = .seconds(10)) async throws -> JSONValue {
        try await send(["type": "subscribe", "topics": .array(topics.map(JSONValue.string))])
        return try await next(timeout: timeout) { $0["type"]?.string == "subscribed" }
    }

    /// The next message that `matches` (earlier ones that do not are dropped); throws after `timeout`.
    public func next(timeout: Duration = .seconds(10), where matches: (JSONValue) -> Bool = { _ in true }) async throws -> JSONValue {
        try await nextTimed(timeout: timeout, where: matches).0
    }

    /// Like ``next(timeout:where:)``, with when the message arrived.
    public func nextTimed(timeout: Duration = .seconds(10),
                          where matches: (JSONValue) -> Bool = { _ in true }) async throws -> (JSONValue, ContinuousClock.Instant) {
        let deadline = ContinuousClock.now + timeout
        while true {
            let (found, closed) = inbox.withLockedValue { state -> ((JSONValue, ContinuousClock.Instant)?, Bool) in
                while !state.messages.isEmpty {
                    let message = state.messages.removeFirst()
                    if matches(message.0) { return (message, false) }
                }
                return (nil, state.closed)
            }
            if let found { return found }
            if closed { throw TestSupportError("the events WebSocket closed") }
            guard ContinuousClock.now < deadline else { throw TestSupportError("no matching event within \(timeout)") }
            await waitForMessage(until: deadline)
        }
    }

    /// Whether a message matching `matches` arrives within `window` (for asserting that one does not).
    public func receives(within window: Duration, where matches: (JSONValue) -> Bool) async -> Bool {
        (try? await next(timeout: window, where: matches)) != nil
    }

    public var isClosed: Bool { inbox.withLockedValue { $0.closed } }

    public func close() async {
        try? await socket.close()
    }

    private func waitForMessage(until deadline: ContinuousClock.Instant) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = inbox.withLockedValue { state -> Bool in
                if !state.messages.isEmpty || state.closed { return true }
                state.waiter = continuation
                return false
            }
            if ready { return continuation.resume() }
            Task {
                try? await Task.sleep(until: deadline)
                let waiter = inbox.withLockedValue { state in
                    defer { state.waiter = nil }
                    return state.waiter
                }
                waiter?.resume()
            }
        }
    }
}

extension AtlasTestApp {
    /// Serves the app over HTTP on a free loopback port for the duration of `body` (for WebSocket
    /// and streaming tests, which need a real socket).
    public func listening<T>(_ body: (Int) async throws -> T) async throws -> T {
        let port = try await freeLoopbackPort()
        try await app.server.start(address: .hostname("127.0.0.1", port: port))
        do {
            let result = try await body(port)
            app.disconnectLiveEventClients()
            await app.server.shutdown()
            return result
        } catch {
            app.disconnectLiveEventClients()
            await app.server.shutdown()
            throw error
        }
    }
}
