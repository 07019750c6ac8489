import AtlasCore
import Foundation
import SQLKit

/// An account about to be created, validated and with its password hashed: the one path for
/// the setup page, the API and `atlas user create`.
struct NewAccount: Sendable {
    let user: User
    let passwordHash: String

    /// Checks every field at once; the password is hashed only when all are valid.
    static func make(username: String, password: String, role: String, displayName: String?, change: Change,
                     passwords: PasswordHasher) async throws -> NewAccount {
        var errors: [FieldError] = []
        let name = UsernameRule.check(username).collect(into: &errors)
        let password = PasswordPolicy.check(password).collect(into: &errors)
        let parsedRole = Role.parse(role).collect(into: &errors)
        let display = FieldRules.name(displayName ?? username, field: "display_name").collect(into: &errors)
        guard errors.isEmpty, let name, let password, let parsedRole, let display else { throw AtlasError.validation(errors) }
        let stamp = ObjectStamp(id: AtlasID.make(at: change.at), kind: .user, name: display, createdAt: change.at,
                                updatedAt: change.at, createdBy: change.by, updatedBy: change.by)
        let user = User(stamp: stamp, username: name, role: parsedRole, disabled: false, revision: 1)
        return NewAccount(user: user, passwordHash: try await passwords.hash(password))
    }

    /// Stores the account and records its creation.
    func insert(change: Change, on sql: any SQLDatabase) async throws {
        try await UserRepository.insert(user, passwordHash: passwordHash, on: sql)
        try await AuditLog.record(change, kind: "user", id: user.stamp.id, after: UserBody(user), on: sql)
    }
}
