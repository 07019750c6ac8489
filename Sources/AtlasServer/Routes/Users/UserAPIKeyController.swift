import AtlasCore
import Foundation
import Vapor

/// `/api/v1/users/{user_id}/api-keys` (administrators): an account's personal API keys, to see
/// what a farm script or panel uses and to revoke one (a leaked key, someone leaving) without
/// disabling the account. Administrators never create keys for others: a key's secret is seen only
/// by whoever made it.
struct UserAPIKeyController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.listUserAPIKeys, use: list)
        routes.on(Endpoints.revokeUserAPIKey, use: revoke)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let user = try await UserRepository.fetch(try req.objectID("user_id", kind: "user"), on: req.atlasDatabase.sql)
        let keys = try await CredentialRepository.apiKeys(of: user.stamp.id, on: req.atlasDatabase.sql)
        return try JSONResponse.make(ListBody(items: keys.map { APIKeyBody($0) }, nextCursor: nil))
    }

    @Sendable func revoke(_ req: Request) async throws -> Response {
        let user = try req.objectID("user_id", kind: "user")
        let id = try req.objectID("key_id", kind: "api_key")
        let change = req.change
        try await req.atlasDatabase.write { sql in
            _ = try await UserRepository.fetch(user, on: sql)
            try await APIKeyRevocation.revoke(id, of: user, change: change, on: sql)
        }
        return Response(status: .noContent)
    }
}
