import AtlasCore
import Foundation
import Vapor

/// `/api/v1/me`: one's own account, password and personal API keys.
struct MeController: Sendable {
    static let maxKeyNameLength = 100

    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.getMe, use: me)
        routes.on(Endpoints.changePassword, use: changePassword)
        routes.on(Endpoints.listAPIKeys, use: listKeys)
        routes.on(Endpoints.createAPIKey, use: createKey)
        routes.on(Endpoints.revokeAPIKey, use: revokeKey)
    }

    @Sendable func me(_ req: Request) async throws -> Response {
        try UserController.respond(try req.requirePrincipal().user)
    }

    /// Needs the current password; signs out every other session and token of the account.
    @Sendable func changePassword(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try RequestJSON.decode(ChangePasswordInput.self, from: req)
        let password = try PasswordPolicy.check(input.newPassword, field: "new_password").get()
        do {
            _ = try await SignIn.verify(username: principal.user.username, password: input.currentPassword, on: req)
        } catch let error as AtlasError where error.code == AtlasError.invalidCredentials.code {
            throw AtlasError.invalid("current_password", "is not this account's password")
        }
        let hash = try await req.atlas.passwords.hash(password)
        let change = req.change
        try await req.atlasDatabase.write { sql in
            try await UserRepository.setPasswordHash(hash, of: principal.userID, on: sql)
            try await CredentialRepository.revokeSignIns(of: principal.userID, except: principal.credential.id, at: change.at, on: sql)
            try await AuditLog.record(change, kind: "user", id: principal.userID, after: ["password": "changed"], on: sql)
        }
        return Response(status: .noContent)
    }

    @Sendable func listKeys(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let keys = try await CredentialRepository.apiKeys(of: principal.userID, on: req.atlasDatabase.sql)
        return try JSONResponse.make(ListBody(items: keys.map { APIKeyBody($0) }, nextCursor: nil))
    }

    /// The key's secret is in this answer only; it is stored as a hash.
    @Sendable func createKey(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try RequestJSON.decode(CreateAPIKeyInput.self, from: req)
        let change = req.change
        var errors: [FieldError] = []
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if !(1...Self.maxKeyNameLength).contains(name.count) {
            errors.append(FieldError(field: "name", message: "must be 1 to \(Self.maxKeyNameLength) characters"))
        }
        if let expiresAt = input.expiresAt, expiresAt <= change.at {
            errors.append(FieldError(field: "expires_at", message: "must be in the future"))
        }
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
        let (key, secret) = try await req.atlasDatabase.write { sql in
            try await CredentialIssuer.issue(.apiKey, for: principal.user, name: name, expiresAt: input.expiresAt, change: change, on: sql)
        }
        return try JSONResponse.make(APIKeyBody(key, key: secret), status: .created, headers: ["Cache-Control": "no-store"])
    }

    @Sendable func revokeKey(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let id = try req.objectID("key_id", kind: "api_key")
        let change = req.change
        try await req.atlasDatabase.write { sql in try await APIKeyRevocation.revoke(id, of: principal.userID, change: change, on: sql) }
        return Response(status: .noContent)
    }
}
