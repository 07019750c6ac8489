import AtlasCore
import Foundation
import SQLKit

/// Dependency edges between asset versions, and walks over them.
enum DependencyRepository {
    enum Direction: String, Sendable, CaseIterable {
        /// What the version needs.
        case dependencies
        /// What needs the version.
        case dependents
    }

    static func add(_ edge: DependencyEdge, on sql: any SQLDatabase) async throws {
        let exists = AtlasError.conflict("dependency_exists", "This version already depends on \(edge.reference).")
        if try await sql.raw("""
            SELECT id FROM dependencies WHERE source_version_id = \(bind: edge.sourceVersionID) AND reference = \(bind: edge.reference)
            """).first() != nil {
            throw exists
        }
        try await UniqueViolation.map(to: exists) {
            try await sql.raw("""
            INSERT INTO dependencies (id, source_version_id, target_version_id, reference, kind, created_at, created_by)
            VALUES (\(bind: edge.id), \(bind: edge.sourceVersionID), \(bind: edge.targetVersionID), \(bind: edge.reference),
                    \(bind: edge.kind), \(bind: edge.createdAt), \(bind: edge.createdBy))
            """).run()
        }
    }

    static func remove(_ id: UUID, from versionID: UUID, on sql: any SQLDatabase) async throws {
        guard try await sql.raw("SELECT id FROM dependencies WHERE id = \(bind: id) AND source_version_id = \(bind: versionID)").first() != nil else {
            throw AtlasError.notFound("dependency", id)
        }
        try await sql.raw("DELETE FROM dependencies WHERE id = \(bind: id)").run()
    }

    /// Every edge reached from `versionID`, level by level, cut at cycles and at `maxDepth`.
    static func walk(from versionID: UUID, direction: Direction, maxDepth: Int,
                     on sql: any SQLDatabase) async throws -> [GraphWalk.Step<UUID, DependencyEdge>] {
        try await GraphWalk.walk(from: [versionID], maxDepth: maxDepth) { nodes in
            let column = direction == .dependencies ? "source_version_id" : "target_version_id"
            let rows = try await sql.raw("""
                SELECT id, source_version_id, target_version_id, reference, kind, created_at, created_by
                FROM dependencies WHERE \(unsafeRaw: column) IN (\(binds: nodes)) ORDER BY created_at, id
                """).all()
            return try rows.map { row in
                let edge = try decode(row)
                return direction == .dependencies
                    ? (source: edge.sourceVersionID, edge: edge, target: edge.targetVersionID)
                    : (source: edge.targetVersionID ?? versionID, edge: edge, target: edge.sourceVersionID)
            }
        }
    }

    static func decode(_ row: any SQLRow) throws -> DependencyEdge {
        DependencyEdge(
            id: try row.decode(column: "id", as: UUID.self),
            sourceVersionID: try row.decode(column: "source_version_id", as: UUID.self),
            targetVersionID: try row.decode(column: "target_version_id", as: UUID?.self),
            reference: try row.decode(column: "reference", as: String.self),
            kind: try row.decode(column: "kind", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            createdBy: try row.decode(column: "created_by", as: String?.self))
    }
}
