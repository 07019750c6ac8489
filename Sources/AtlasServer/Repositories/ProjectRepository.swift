import AtlasCore
import Foundation
import SQLKit

/// Projects in the database.
struct ProjectRepository: Sendable {
    let db: AtlasDatabase

    private static let select = "SELECT \(ObjectRow.columns), p.code, p.description, p.status, p.revision FROM projects p JOIN atlas_objects o ON o.id = p.id"

    func get(_ id: UUID) async throws -> Project {
        try await Self.fetch(id, on: db.sql)
    }

    static func fetch(_ id: UUID, on sql: any SQLDatabase) async throws -> Project {
        guard let row = try await sql.raw("\(unsafeRaw: select) WHERE p.id = \(bind: id)").first() else {
            throw AtlasError.notFound("project", id)
        }
        return try decode(row)
    }

    static func insert(_ project: Project, on sql: any SQLDatabase) async throws {
        let taken = codeTaken(project.code)
        if try await sql.raw("SELECT id FROM projects WHERE code = \(bind: project.code)").first() != nil { throw taken }
        try await ObjectRow.insert(project.stamp, on: sql)
        try await UniqueViolation.map(to: taken) {
            try await sql.raw("""
                INSERT INTO projects (id, code, description, status, revision)
                VALUES (\(bind: project.stamp.id), \(bind: project.code), \(bind: project.description),
                        \(bind: project.status.rawValue), \(bind: project.revision))
                """).run()
        }
    }

    private static func codeTaken(_ code: String) -> AtlasError {
        AtlasError.conflict("project_code_taken", "A project with code \(code) exists already; choose another code.")
    }

    /// Newest first; `status` filters; `among` limits to these projects (nil: all).
    func list(status: [ProjectStatus], among projects: [UUID]?, paging: Paging) async throws -> Page<Project> {
        let cursor = try paging.cursor(sort: "-created_at")
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let projects {
            guard !projects.isEmpty else { return Page(items: [], nextCursor: nil) }
            conditions.append("p.id IN (\(binds: projects))")
        }
        if !status.isEmpty { conditions.append("p.status IN (\(binds: status.map(\.rawValue)))") }
        if let id = cursor?.id { conditions.append("p.id < \(bind: id)") }
        let rows = try await db.sql.raw("""
            \(unsafeRaw: Self.select) WHERE \(conditions.joined(separator: " AND ")) ORDER BY p.id DESC LIMIT \(literal: paging.limit + 1)
            """).all()
        let projects = try rows.prefix(paging.limit).map(Self.decode)
        let next = rows.count > paging.limit ? projects.last.map { PageCursor(sort: "-created_at", id: $0.stamp.id) } : nil
        return Page(items: projects, nextCursor: next)
    }

    /// Applies `edit` to the current project if its revision is still `expectedRevision`, and records the change.
    func update(_ id: UUID, expectedRevision: Int?, change: Change,
                _ edit: @escaping @Sendable (inout Project) throws -> Void) async throws -> Project {
        try await db.write { sql in
            var project = try await Self.fetch(id, on: sql)
            let before = project
            if let expectedRevision, expectedRevision != project.revision {
                throw AtlasError.versionConflict(current: ETag.revision(project.revision))
            }
            let oldCode = project.code
            try edit(&project)
            if project.code != oldCode,
               try await sql.raw("SELECT id FROM projects WHERE code = \(bind: project.code)").first() != nil {
                throw Self.codeTaken(project.code)
            }
            project.revision += 1
            project.stamp.updatedAt = change.at
            project.stamp.updatedBy = change.by
            try await ObjectRow.update(project.stamp, on: sql)
            try await UniqueViolation.map(to: Self.codeTaken(project.code)) {
                try await sql.raw("""
                UPDATE projects SET code = \(bind: project.code), description = \(bind: project.description),
                    status = \(bind: project.status.rawValue), revision = \(bind: project.revision)
                WHERE id = \(bind: id)
                """).run()
            }
            try await AuditLog.record(change, kind: "project", id: id, before: ProjectBody(before), after: ProjectBody(project), on: sql)
            return project
        }
    }

    static func decode(_ row: any SQLRow) throws -> Project {
        Project(
            stamp: try ObjectRow.decode(row),
            code: try row.decode(column: "code", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            status: ProjectStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .active,
            revision: try row.decode(column: "revision", as: Int.self))
    }
}
