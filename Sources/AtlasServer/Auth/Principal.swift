import AtlasCore
import Vapor

/// The signed-in account behind a request, and the credential it came with.
struct Principal: Sendable {
    let user: User
    let credential: Credential

    var role: Role { user.role }
    var userID: UUID { user.stamp.id }

    var auditActor: AuditActor {
        AuditActor(userID: userID, name: user.username, apiKeyID: credential.kind == .apiKey ? credential.id : nil)
    }
}

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }

    /// Who is signed in; nil for an anonymous request.
    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The principal, or 401 for an anonymous request.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw AtlasError.authenticationRequired }
        return principal
    }
}
