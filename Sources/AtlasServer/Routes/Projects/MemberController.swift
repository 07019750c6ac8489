import AtlasCore
import Foundation
import SQLKit
import Vapor

/// `/api/v1/projects/{project_id}/members`: who belongs to a project, and so sees it.
struct MemberController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.listMembers, use: list)
        routes.on(Endpoints.addMember, use: add)
        routes.on(Endpoints.removeMember, use: remove)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let project = try req.objectID("project_id", kind: "project")
        let sql = req.atlasDatabase.sql
        _ = try await ProjectRepository.fetch(project, on: sql)
        let members = try await MemberRepository.list(project, on: sql)
        return try JSONResponse.make(ListBody(items: members.map(MemberBody.init), nextCursor: nil))
    }

    /// Adds an account by id or username; adding a member again answers 200 and changes nothing.
    @Sendable func add(_ req: Request) async throws -> Response {
        let project = try req.objectID("project_id", kind: "project")
        let input = try RequestJSON.decode(AddMemberInput.self, from: req)
        let change = req.change
        let (member, added) = try await req.atlasDatabase.write { sql in
            _ = try await ProjectRepository.fetch(project, on: sql)
            let user = try await Self.find(input, on: sql)
            let added = try await MemberRepository.add(user.stamp.id, to: project, change: change, on: sql)
            if added {
                try await AuditLog.record(change, kind: "project", id: project,
                                          after: ["member_added": user.username, "user_id": user.stamp.id.lowercased], on: sql)
            }
            let member = try await MemberRepository.list(project, on: sql).first { $0.user.stamp.id == user.stamp.id }
            return (member!, added)
        }
        return try JSONResponse.make(MemberBody(member), status: added ? .created : .ok)
    }

    @Sendable func remove(_ req: Request) async throws -> Response {
        let project = try req.objectID("project_id", kind: "project")
        let userID = try req.objectID("user_id", kind: "member")
        let change = req.change
        try await req.atlasDatabase.write { sql in
            try await MemberRepository.remove(userID, from: project, change: change, on: sql)
            try await AuditLog.record(change, kind: "project", id: project, before: ["member_removed": userID.lowercased], on: sql)
        }
        return Response(status: .noContent)
    }

    private static func find(_ input: AddMemberInput, on sql: any SQLDatabase) async throws -> User {
        switch (input.userID, input.username) {
        case (let id?, nil):
            return try await UserRepository.fetch(id, on: sql)
        case (nil, let username?):
            guard let found = try await UserRepository.find(username: username, on: sql) else {
                throw AtlasError.notFound("user", username)
            }
            return found.user
        default:
            throw AtlasError.invalid("user_id", "give exactly one of user_id or username")
        }
    }
}
