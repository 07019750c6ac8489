import AtlasCore
import Foundation
import SQLKit
import Vapor

/// `/api/v1/users`: administrators create, list, change, disable and enable accounts and reset passwords.
struct UserController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.createUser, use: create)
        routes.on(Endpoints.listUsers, use: list)
        routes.on(Endpoints.getUser, use: get)
        routes.on(Endpoints.updateUser, use: update)
        routes.on(Endpoints.disableUser) { try await setDisabled($0, true) }
        routes.on(Endpoints.enableUser) { try await setDisabled($0, false) }
        routes.on(Endpoints.resetPassword, use: resetPassword)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let input = try RequestJSON.decode(CreateUserInput.self, from: req)
        let creation = try IdempotentCreate(req, content: Data(buffer: req.body.data ?? ByteBuffer()))
        if let replayed = try await creation.replay() { return replayed }
        let account = try await NewAccount.make(username: input.username, password: input.password, role: input.role,
                                                displayName: input.displayName, change: creation.change, passwords: req.atlas.passwords)
        // The creation is audited by `run` from the response body, which never holds the password.
        return try await creation.run(auditing: "user") { sql in
            try await UserRepository.insert(account.user, passwordHash: account.passwordHash, on: sql)
            return try CreatedResponse(UserBody(account.user), location: APIPaths.user(account.user.stamp.id),
                                       etag: ETag.revision(account.user.revision))
        }
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let query = req.queryParameters
        try query.requireOnly(Paging.parameterNames.union(["role"]))
        var errors: [FieldError] = []
        let roles = query.enumList("role", as: Role.self).collect(into: &errors) ?? []
        let paging = Paging.parse(query, errors: &errors)
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
        let page = try await UserRepository.list(role: roles, paging: paging, on: req.atlasDatabase.sql)
        return try JSONResponse.make(ListBody(items: page.items.map(UserBody.init), nextCursor: page.nextCursor))
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let user = try await UserRepository.fetch(try req.objectID("user_id", kind: "user"), on: req.atlasDatabase.sql)
        return try Self.respond(user)
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.objectID("user_id", kind: "user")
        let input = try RequestJSON.decode(UpdateUserInput.self, from: req)
        var errors: [FieldError] = []
        let role = input.role.flatMap { Role.parse($0).collect(into: &errors) }
        let displayName = input.displayName.flatMap { FieldRules.name($0, field: "display_name").collect(into: &errors) }
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
        // The body is checked first: a request that can never succeed says why, whatever its If-Match.
        let expected = try req.expectedRevision()
        let user = try await Self.change(req, id, expectedRevision: expected) { user in
            if let role { user.role = role }
            if let displayName { user.stamp.name = displayName }
        }
        return try Self.respond(user)
    }

    /// A disabled account's sessions, tokens and keys stop working with its next request:
    /// every request reads the account's state along with its credential.
    private func setDisabled(_ req: Request, _ disabled: Bool) async throws -> Response {
        let user = try await Self.change(req, try req.objectID("user_id", kind: "user"), expectedRevision: nil) { $0.disabled = disabled }
        return try Self.respond(user)
    }

    @Sendable func resetPassword(_ req: Request) async throws -> Response {
        let id = try req.objectID("user_id", kind: "user")
        let input = try RequestJSON.decode(SetPasswordInput.self, from: req)
        let password = try PasswordPolicy.check(input.password).get()
        let hash = try await req.atlas.passwords.hash(password)
        let change = req.change
        try await req.atlasDatabase.write { sql in
            let user = try await UserRepository.fetch(id, on: sql)
            try await UserRepository.setPasswordHash(hash, of: id, on: sql)
            // Whoever knew the old password is signed out everywhere; API keys are separate secrets and stay.
            try await CredentialRepository.revokeSignIns(of: id, except: nil, at: change.at, on: sql)
            try await AuditLog.record(change, kind: "user", id: id, after: ["password": "reset", "username": user.username], on: sql)
        }
        return Response(status: .noContent)
    }

    /// Applies `edit` to an account, keeping at least one enabled administrator, and records it.
    static func change(_ req: Request, _ id: UUID, expectedRevision: Int?,
                       _ edit: @escaping @Sendable (inout User) -> Void) async throws -> User {
        let change = req.change
        return try await req.atlasDatabase.write { sql in
            let before = try await UserRepository.fetch(id, on: sql)
            if let expectedRevision, expectedRevision != before.revision {
                throw AtlasError.versionConflict(current: ETag.revision(before.revision))
            }
            var user = before
            edit(&user)
            try await AccountRules.keepAnAdministrator(changing: before, to: user, on: sql)
            try await UserRepository.save(&user, change: change, on: sql)
            try await AuditLog.record(change, kind: "user", id: id, before: UserBody(before), after: UserBody(user), on: sql)
            return user
        }
    }

    static func respond(_ user: User) throws -> Response {
        try JSONResponse.make(UserBody(user), headers: ["ETag": ETag.revision(user.revision)])
    }
}
