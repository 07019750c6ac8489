import AtlasCore
import Foundation
import SQLKit

/// The stored events: appended by the repositories inside the transaction of the change they
/// describe, read by the live feed and by replay, pruned after the retention period.
enum EventLog {
    /// Records `event` (its `seq` is assigned by the database) and marks the write as one that
    /// has news for the live feed. Call it last in a transaction: on PostgreSQL the event's
    /// number is taken here and becomes visible at commit, and readers wait for the numbers in between.
    static func append(_ event: AtlasEvent, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO events (at, type, object_id, project_id, batch_id, owner, client_id, data)
            VALUES (\(bind: event.at), \(bind: event.type), \(bind: event.objectID), \(bind: event.projectID),
                    \(bind: event.batchID), \(bind: event.owner), \(bind: event.clientID), \(bind: JSONCoding.text(event.data)))
            """).run()
        EventSignal.markPending()
    }

    /// Events numbered above `after`, or among `also` (numbers stepped over earlier), oldest first.
    static func read(after: Int64, also: [Int64] = [], limit: Int, on sql: any SQLDatabase) async throws -> [AtlasEvent] {
        let late: SQLQueryString = also.isEmpty ? "" : " OR seq IN (\(binds: also))"
        return try await sql.raw("""
            SELECT * FROM events WHERE seq > \(bind: after)\(late) ORDER BY seq LIMIT \(literal: limit)
            """).all().map(decode)
    }

    /// What a replay returns: events above `after` that `viewer` may see, on `topics` if any are given.
    static func replay(after: Int64, topics: [EventTopic], viewer: EventViewer, limit: Int,
                       on sql: any SQLDatabase) async throws -> [AtlasEvent] {
        var conditions: [SQLQueryString] = ["seq > \(bind: after)"]
        if !viewer.seesAll {
            conditions.append(viewer.projects.isEmpty ? "owner = \(bind: viewer.stamp)"
                : "(owner = \(bind: viewer.stamp) OR project_id IN (\(binds: Array(viewer.projects))))")
        }
        if !topics.isEmpty { conditions.append("(\(topics.map(condition).joined(separator: " OR ")))") }
        return try await sql.raw("""
            SELECT * FROM events WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT \(literal: limit)
            """).all().map(decode)
    }

    /// The newest event's number (0 when there is none).
    static func head(on sql: any SQLDatabase) async throws -> Int64 {
        try await sql.raw("SELECT COALESCE(MAX(seq), 0) AS head FROM events").first()?.decode(column: "head", as: Int64.self) ?? 0
    }

    /// The newest number pruned: a replay must start at or after it.
    static func horizon(on sql: any SQLDatabase) async throws -> Int64 {
        try await sql.raw("SELECT pruned_through FROM event_horizon WHERE id = 1").first()?
            .decode(column: "pruned_through", as: Int64.self) ?? 0
    }

    /// Deletes events older than `cutoff`, remembering the newest number deleted.
    static func prune(before cutoff: Date, on sql: any SQLDatabase) async throws {
        guard let newest = try await sql.raw("SELECT MAX(seq) AS newest FROM events WHERE at < \(bind: cutoff)").first()?
            .decode(column: "newest", as: Int64?.self) else { return }
        try await sql.raw("UPDATE event_horizon SET pruned_through = \(bind: newest) WHERE id = 1 AND pruned_through < \(bind: newest)").run()
        try await sql.raw("DELETE FROM events WHERE seq <= \(bind: newest)").run()
    }

    private static func condition(_ topic: EventTopic) -> SQLQueryString {
        switch topic {
        case .job(let id): "(object_id = \(bind: id) AND type LIKE 'job.%')"
        case .asset(let id): "(object_id = \(bind: id) AND type LIKE 'asset.%')"
        case .project(let id): "project_id = \(bind: id)"
        case .batch(let id): "batch_id = \(bind: id)"
        case .jobs: "type LIKE 'job.%'"
        }
    }

    static func decode(_ row: any SQLRow) throws -> AtlasEvent {
        AtlasEvent(seq: try row.decode(column: "seq", as: Int64.self), type: try row.decode(column: "type", as: String.self),
                   at: try row.decode(column: "at", as: Date.self), objectID: try row.decode(column: "object_id", as: UUID.self),
                   projectID: try row.decode(column: "project_id", as: UUID?.self),
                   batchID: try row.decode(column: "batch_id", as: UUID?.self),
                   owner: try row.decode(column: "owner", as: String?.self),
                   clientID: try row.decode(column: "client_id", as: String?.self),
                   data: JSONCoding.value(try row.decode(column: "data", as: String.self)) ?? .null)
    }
}
