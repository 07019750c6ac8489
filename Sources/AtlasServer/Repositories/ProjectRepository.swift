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

    /// Newest first; `status` filters.
    func list(status: [ProjectStatus], paging: Paging) async throws -> Page<Project> {
        let cursor = try paging.cursor(sort: "-created_at")
        var conditions: [SQLQueryString] = ["1 = 1"]
        if !status.isEmpty { conditions.append("p.status IN (\(binds: status.map(\.rawValue)))") }
        if let id = cursor?.id { conditions.append("p.id < \(bind: id)") }
        let rows = try await db.sql.raw("""
            \(unsafeRaw: Self.select) WHERE \(conditions.joined(separator: " AND ")) ORDER BY p.id DESC LIMIT \(literal: paging.limit + 1)
            """).all()
        let projects = try rows.prefix(paging.limit).map(Self.decode)
        let next = rows.count > paging.limit ? projects.last.map { PageCursor(sort: "-created_at", id: $0.stamp.id) } : nil
        return Page(items: projects, nextCursor: next)
    }

    /// Applies `change` to the current project if its revision is still `expectedRevision`.
    func update(_ id: UUID, expectedRevision: Int?, at date: Date, by actor: String?,
                _ change: @escaping @Sendable (inout Project) throws -> Void) async throws -> Project {
        try await db.write { sql in
            var project = try await Self.fetch(id, on: sql)
            if let expectedRevision, expectedRevision != project.revision {
                throw AtlasError.versionConflict(current: ETag.revision(project.revision))
            }
            let oldCode = project.code
            try change(&project)
            if project.code != oldCode,
               try await sql.raw("SELECT id FROM projects WHERE code = \(bind: project.code)").first() != nil {
                throw Self.codeTaken(project.code)
            }
            project.revision += 1
            project.stamp.updatedAt = date
            project.stamp.updatedBy = actor
            try await ObjectRow.update(project.stamp, on: sql)
            try await UniqueViolation.map(to: Self.codeTaken(project.code)) {
                try await sql.raw("""
                UPDATE projects SET code = \(bind: project.code), description = \(bind: project.description),
                    status = \(bind: project.status.rawValue), revision = \(bind: project.revision)
                WHERE id = \(bind: id)
                """).run()
            }
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
