import AtlasCore
import Foundation
import SQLKit

/// The append-only record of every change. Entries are written inside the transaction of the
/// change they describe, so there is never a change without its entry or an entry without its change.
enum AuditLog {
    /// Records `change` to the object (`kind`, `id`), summarising only what differs between
    /// `before` and `after` (the API bodies of the object, nil for a creation or removal).
    static func record(_ change: Change, kind: String?, id: String?, before: (any Encodable)? = nil,
                       after: (any Encodable)? = nil, on sql: any SQLDatabase) async throws {
        let summary = AuditSummary.of(before: try before.map(JSONCoding.json), after: try after.map(JSONCoding.json))
        try await append(AuditEntry(
            id: AtlasID.make(at: change.at), at: change.at, actor: change.actor, action: change.action,
            objectKind: kind, objectID: id, summary: summary,
            clientAddress: change.clientAddress, requestID: change.requestID), on: sql)
    }

    static func record(_ change: Change, kind: String, id: UUID, before: (any Encodable)? = nil,
                       after: (any Encodable)? = nil, on sql: any SQLDatabase) async throws {
        try await record(change, kind: kind, id: id.lowercased, before: before, after: after, on: sql)
    }

    static func append(_ entry: AuditEntry, on sql: any SQLDatabase) async throws {
        let summary = String(decoding: try JSONCoding.sharedEncoder.encode(entry.summary), as: UTF8.self)
        try await sql.raw("""
            INSERT INTO audit_log (id, at, actor_user_id, actor_name, actor_api_key_id, action, object_kind, object_id,
                                   summary, client_address, request_id)
            VALUES (\(bind: entry.id), \(bind: entry.at), \(bind: entry.actor.userID), \(bind: entry.actor.name),
                    \(bind: entry.actor.apiKeyID), \(bind: entry.action), \(bind: entry.objectKind), \(bind: entry.objectID),
                    \(bind: summary), \(bind: entry.clientAddress), \(bind: entry.requestID))
            """).run()
    }

    /// Newest first, filtered, keyset-paged by id (ids are time-ordered).
    static func list(_ query: AuditQuery, on sql: any SQLDatabase) async throws -> Page<AuditEntry> {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if !query.actors.isEmpty {
            let ids = query.actors.compactMap(UUID.init(uuidString:))
            conditions.append(ids.isEmpty ? "actor_name IN (\(binds: query.actors))"
                : "(actor_name IN (\(binds: query.actors)) OR actor_user_id IN (\(binds: ids)) OR actor_api_key_id IN (\(binds: ids)))")
        }
        if !query.objectIDs.isEmpty { conditions.append("object_id IN (\(binds: query.objectIDs))") }
        if !query.objectKinds.isEmpty { conditions.append("object_kind IN (\(binds: query.objectKinds))") }
        if !query.actions.isEmpty { conditions.append("action IN (\(binds: query.actions))") }
        if let after = query.after { conditions.append("at >= \(bind: after)") }
        if let before = query.before { conditions.append("at < \(bind: before)") }
        if let id = try query.paging.cursor(sort: AuditQuery.sort)?.id { conditions.append("id < \(bind: id)") }
        let limit = query.paging.limit
        let rows = try await sql.raw("""
            SELECT * FROM audit_log WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT \(literal: limit + 1)
            """).all()
        let entries = try rows.prefix(limit).map(decode)
        let next = rows.count > limit ? entries.last.map { PageCursor(sort: AuditQuery.sort, id: $0.id) } : nil
        return Page(items: entries, nextCursor: next)
    }

    private static func decode(_ row: any SQLRow) throws -> AuditEntry {
        let summary = try row.decode(column: "summary", as: String.self)
        return AuditEntry(
            id: try row.decode(column: "id", as: UUID.self),
            at: try row.decode(column: "at", as: Date.self),
            actor: AuditActor(userID: try row.decode(column: "actor_user_id", as: UUID?.self),
                              name: try row.decode(column: "actor_name", as: String.self),
                              apiKeyID: try row.decode(column: "actor_api_key_id", as: UUID?.self)),
            action: try row.decode(column: "action", as: String.self),
            objectKind: try row.decode(column: "object_kind", as: String?.self),
            objectID: try row.decode(column: "object_id", as: String?.self),
            summary: (try? JSONCoding.sharedDecoder.decode(JSONValue.self, from: Data(summary.utf8))) ?? .null,
            clientAddress: try row.decode(column: "client_address", as: String?.self),
            requestID: try row.decode(column: "request_id", as: String?.self))
    }
}
