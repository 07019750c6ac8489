import AtlasCore
import Foundation
import NIOCore
import Vapor

/// One WebSocket client of `/api/v1/events`: reads its messages in order and answers them,
/// and sends what its outbox collects. A bad message gets an `error` reply and the connection
/// stays open; nothing one client does reaches another's stream.
struct EventSocketSession: Sendable {
    /// Events queued for a client before it is told to resync.
    static let outboxCapacity = 1_000
    static let pingInterval = 30
    /// Client messages waiting to be handled before further ones are refused.
    static let pendingMessages = 64

    let request: Request
    let socket: WebSocket
    let subscriber: EventSubscriber

    /// Takes over a freshly upgraded connection. Called on the socket's event loop: the socket's
    /// handlers are set here, and the rest runs in a task until the client or the server closes it.
    static func start(_ req: Request, _ ws: WebSocket, viewer: EventViewer) {
        let metrics = req.atlas.metrics.webSockets
        metrics.connectionOpened()
        let outbox = EventOutbox(capacity: outboxCapacity, after: 0)
        let subscriber = EventSubscriber(viewer: viewer, outbox: outbox, membershipChanged: {
            Task { await reloadMemberships(req) }
        }, disconnect: {
            ws.close(code: .goingAway).whenComplete { _ in }
        })
        let session = EventSocketSession(request: req, socket: ws, subscriber: subscriber)
        let messages = session.listen()
        Task {
            await session.serve(messages)
            metrics.connectionClosed()
        }
    }

    /// The client's text messages, in order; binary frames and a flood get error replies.
    private func listen() -> AsyncStream<String> {
        let (messages, inbox) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingOldest(Self.pendingMessages))
        let outbox = subscriber.outbox
        socket.onText { _, text in
            if case .dropped = inbox.yield(text) {
                outbox.offer(control: EventControlMessage.error(.badRequest(
                    "too_many_messages", "Messages are arriving faster than they can be answered; this one was ignored.")).text)
            }
        }
        socket.onBinary { _, _ in
            outbox.offer(control: EventControlMessage.error(.badRequest(
                "malformed_message", "Send JSON in text frames; binary frames are not understood.")).text)
        }
        socket.onClose.whenComplete { _ in inbox.finish() }
        socket.pingInterval = .seconds(Int64(Self.pingInterval))
        return messages
    }

    private func serve(_ messages: AsyncStream<String>) async {
        let events = request.atlas.events, outbox = subscriber.outbox
        do {
            let head = try await events.subscribe(subscriber)
            outbox.advance(to: head)
            outbox.offer(control: EventControlMessage.welcome(seq: head, pingInterval: Self.pingInterval).text)
        } catch {
            request.logger.error("live events unavailable: \(String(reflecting: error))")
            try? await socket.close(code: .unexpectedServerError)
            return
        }
        let sending = Task { await send() }
        let checking = Task { await recheckCredential() }
        for await text in messages { await handle(text) }
        checking.cancel()
        events.unsubscribe(subscriber)
        await sending.value
    }

    private func send() async {
        while let batch = await subscriber.outbox.next() {
            for item in batch {
                let text = switch item {
                case .text(let text): text
                case .resync(let after): EventControlMessage.resync(after: after).text
                }
                do {
                    try await socket.send(text)
                } catch {
                    try? await socket.close(code: .goingAway)
                    return
                }
            }
        }
    }

    private func handle(_ text: String) async {
        let outbox = subscriber.outbox
        guard let message = try? JSONCoding.sharedDecoder.decode(EventClientMessage.self, from: Data(text.utf8)) else {
            return outbox.offer(control: EventControlMessage.error(.badRequest(
                "malformed_message", "A message is a JSON object such as {\"type\": \"subscribe\", \"topics\": [\"jobs\"]}.")).text)
        }
        switch message.type {
        case "subscribe": await subscribe(message)
        case "unsubscribe":
            let topics = (message.topics ?? []).compactMap { try? EventTopic.parse($0) }
            subscriber.unfollow(topics)
            outbox.offer(control: EventControlMessage(type: "unsubscribed", id: message.id, topics: topics.map(\.description)).text)
        case "ping":
            outbox.offer(control: EventControlMessage(type: "pong", id: message.id).text)
        default:
            outbox.offer(control: EventControlMessage.error(.badRequest(
                "unknown_message_type", "'\(message.type.prefix(40))' is not a message type; send subscribe, unsubscribe or ping."),
                id: message.id).text)
        }
    }

    /// Follows every topic of the message the caller may see; each refused one gets its own error.
    private func subscribe(_ message: EventClientMessage) async {
        let outbox = subscriber.outbox
        guard let names = message.topics, !names.isEmpty else {
            return outbox.offer(control: EventControlMessage.error(.badRequest(
                "malformed_message", "subscribe needs \"topics\": a list such as [\"jobs\", \"asset:<id>\"]."), id: message.id).text)
        }
        guard names.count <= EventSubscriber.maxTopics else {
            return outbox.offer(control: tooManyTopics(message.id))
        }
        var accepted: [EventTopic] = []
        for name in names {
            do {
                let topic = try EventTopic.parse(name)
                try await EventTopicAccess.check(topic, for: request)
                accepted.append(topic)
            } catch {
                let problem = (error as? AtlasError) ?? .badRequest("topic_unavailable", "This topic cannot be followed now.")
                outbox.offer(control: EventControlMessage.error(problem, topic: String(name.prefix(200)), id: message.id).text)
            }
        }
        guard subscriber.follow(accepted) else { return outbox.offer(control: tooManyTopics(message.id)) }
        outbox.offer(control: EventControlMessage(type: "subscribed", id: message.id, topics: accepted.map(\.description)).text)
    }

    private func tooManyTopics(_ id: String?) -> String {
        EventControlMessage.error(.badRequest(
            "too_many_topics", "A connection follows at most \(EventSubscriber.maxTopics) topics; follow a project or jobs instead."),
            id: id).text
    }

    /// Closes the connection once its credential stops working (signed out, revoked, expired,
    /// account disabled); until then, reloads the account's memberships now and then.
    private func recheckCredential() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(request.atlas.configuration.liveEventsRecheckInterval))
            if Task.isCancelled || request.application.didShutdown { return }
            guard let secret = AuthenticationMiddleware.secret(of: request),
                  case let principal? = try? await AuthenticationMiddleware.principal(for: secret, request), principal.userID == subscriber.viewer.userID else {
                subscriber.outbox.offer(control: EventControlMessage.error(AtlasError.authenticationRequired).text)
                try? await Task.sleep(for: .milliseconds(100))
                try? await socket.close(code: .policyViolation)
                return
            }
            await Self.reloadMemberships(request)
        }
    }

    /// Reloads the account's projects after its membership changed, so events follow it.
    private static func reloadMemberships(_ req: Request) async {
        guard !req.application.didShutdown, let principal = req.principal, !PermissionTable.seesAllProjects(principal.role),
              let projects = try? await MemberRepository.projects(of: principal.userID, on: req.atlasDatabase.sql) else { return }
        req.atlas.events.hub.updateViewer(of: principal.userID, projects: Set(projects))
    }
}
