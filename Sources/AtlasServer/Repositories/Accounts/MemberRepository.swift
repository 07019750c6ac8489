import AtlasCore
import Foundation
import SQLKit

/// Project membership: who belongs to which project.
enum MemberRepository {
    struct Member: Sendable {
        var user: User
        var addedAt: Date
        var addedBy: String?
    }

    /// Adds `user` to `project`; adding a member again changes nothing and answers false.
    @discardableResult
    static func add(_ user: UUID, to project: UUID, change: Change, on sql: any SQLDatabase) async throws -> Bool {
        if try await isMember(user, of: project, on: sql) { return false }
        // Two requests adding the same member at once both pass the check; the primary key lets one in.
        let added = try await sql.raw("""
            INSERT INTO project_members (project_id, user_id, added_at, added_by)
            VALUES (\(bind: project), \(bind: user), \(bind: change.at), \(bind: change.by))
            ON CONFLICT (project_id, user_id) DO NOTHING
            RETURNING user_id
            """).first() != nil
        if added { try await EventLog.append(ProjectEvents.member(ProjectEvents.memberAdded, user: user, project: project, change: change), on: sql) }
        return added
    }

    static func remove(_ user: UUID, from project: UUID, change: Change, on sql: any SQLDatabase) async throws {
        guard try await isMember(user, of: project, on: sql) else {
            throw AtlasError.notFound("member", "\(user.lowercased) of project \(project.lowercased)")
        }
        try await sql.raw("DELETE FROM project_members WHERE project_id = \(bind: project) AND user_id = \(bind: user)").run()
        try await EventLog.append(ProjectEvents.member(ProjectEvents.memberRemoved, user: user, project: project, change: change), on: sql)
    }

    static func isMember(_ user: UUID, of project: UUID, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("""
            SELECT 1 AS found FROM project_members WHERE project_id = \(bind: project) AND user_id = \(bind: user)
            """).first() != nil
    }

    /// The projects `user` belongs to.
    static func projects(of user: UUID, on sql: any SQLDatabase) async throws -> [UUID] {
        try await sql.raw("SELECT project_id FROM project_members WHERE user_id = \(bind: user)").all()
            .map { try $0.decode(column: "project_id", as: UUID.self) }
    }

    /// The project an asset belongs to, and whether `user` is one of its members; nil when no such asset exists.
    static func assetProject(_ asset: UUID, member user: UUID, on sql: any SQLDatabase) async throws -> (project: UUID, isMember: Bool)? {
        guard let row = try await sql.raw("""
            SELECT a.project_id,
                   CASE WHEN EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = a.project_id AND m.user_id = \(bind: user))
                        THEN 1 ELSE 0 END AS member
            FROM assets a WHERE a.id = \(bind: asset)
            """).first() else { return nil }
        return (try row.decode(column: "project_id", as: UUID.self), try row.decode(column: "member", as: Int.self) == 1)
    }

    private static let selectMembers = UserRepository.select.replacingOccurrences(of: "SELECT ", with: "SELECT m.added_at, m.added_by, ")

    /// Members of `project` by username.
    static func list(_ project: UUID, on sql: any SQLDatabase) async throws -> [Member] {
        try await sql.raw("""
            \(unsafeRaw: selectMembers) JOIN project_members m ON m.user_id = u.id
            WHERE m.project_id = \(bind: project) ORDER BY u.username
            """).all()
            .map { row in
                Member(user: try UserRepository.decode(row), addedAt: try row.decode(column: "added_at", as: Date.self),
                       addedBy: try row.decode(column: "added_by", as: String?.self))
            }
    }
}
