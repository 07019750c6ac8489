import AtlasCore
import Foundation
import Vapor

/// `/api/v1/events`: the live stream (the path upgraded to a WebSocket) and its replay (a plain GET).
struct EventController: Sendable {
    /// The largest message a client may send; subscriptions are small.
    static let maxFrameSize = 64 * 1024

    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.replayEvents, use: replayOrStream)
    }

    @Sendable func replayOrStream(_ req: Request) async throws -> Response {
        let viewer = try await req.eventViewer()
        guard req.headers.first(name: .upgrade)?.lowercased() == "websocket" else { return try await replay(req, viewer: viewer) }
        try requireSameOrigin(req)
        // The synchronous upgrade callback runs on the socket's event loop, where its handlers must be set.
        let onUpgrade: @Sendable (Request, WebSocket) -> Void = { req, ws in EventSocketSession.start(req, ws, viewer: viewer) }
        return req.webSocket(maxFrameSize: .init(integerLiteral: Self.maxFrameSize), onUpgrade: onUpgrade)
    }

    /// Events after `after`, up to the feed's position — so a replay never runs ahead of what
    /// live clients have been given, and continuing live from `last_seq` misses nothing.
    private func replay(_ req: Request, viewer: EventViewer) async throws -> Response {
        let query = try EventReplayQuery.parse(req.queryParameters)
        let events = req.atlas.events, sql = req.atlasDatabase.sql
        let horizon = try await EventLog.horizon(on: sql)
        guard query.after >= horizon else {
            throw AtlasError(code: "events_expired", status: 410, title: "Events no longer kept",
                             detail: "Events up to \(horizon) have been deleted (they are kept at least 24 hours). Reload what you show, then continue after last_seq of a fresh replay.")
        }
        // Once started, `start` answers the feed's current position.
        let last = try await events.feed.start()
        let found = try await EventLog.replay(after: query.after, topics: query.topics, viewer: viewer, limit: query.limit + 1,
                                              on: sql).filter { $0.seq <= last }
        let items = Array(found.prefix(query.limit))
        let more = found.count > query.limit
        return try JSONResponse.make(EventPageBody(items: items.map { EventMessage($0, topic: nil) },
                                                   nextCursor: more ? items.last.map { String($0.seq) } : nil, lastSeq: last))
    }

    /// A browser's session cookie rides along on a WebSocket opened by any site, so a
    /// cookie-authenticated upgrade must come from a page of this server (cross-site WebSocket hijacking).
    private func requireSameOrigin(_ req: Request) throws {
        guard req.principal?.credential.kind == .session else { return }
        var allowed: Set<String> = []
        if let host = req.headers.first(name: .host) { allowed.insert(host.lowercased()) }
        if let url = req.atlas.configuration.publicURL.flatMap(URL.init(string:)) { allowed.insert(Self.authority(url)) }
        // A Host header without a port names the default one; the Origin then still carries its port.
        guard let origin = req.headers.first(name: .origin).flatMap(URL.init(string:)),
              allowed.contains(Self.authority(origin)) || allowed.contains((origin.host ?? "").lowercased()) else {
            throw AtlasError(code: "origin_not_allowed", status: 403, title: "Origin not allowed",
                             detail: "A browser session may open the events stream only from a page of this server.")
        }
    }
}

/// `host[:port]` of a URL, as a Host header spells it.
extension EventController {
    static func authority(_ url: URL) -> String {
        (url.host ?? "").lowercased() + (url.port.map { ":\($0)" } ?? "")
    }
}

/// A page of replayed events.
struct EventPageBody: Encodable, Sendable {
    var items: [EventMessage]
    @Nullable var nextCursor: String?
    var lastSeq: Int64

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor", lastSeq = "last_seq"
    }
}

extension Request {
    /// The caller as events see it: which projects' events and whose jobs it may receive.
    func eventViewer() async throws -> EventViewer {
        let principal = try requirePrincipal()
        let projects = try await visibleProjects()
        return EventViewer(seesAll: projects == nil, userID: principal.userID, projects: Set(projects ?? []))
    }
}
