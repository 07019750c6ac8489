import AtlasCore
import Foundation

/// An account as the API shows it; never its password hash.
struct UserBody: Encodable, Sendable {
    var id: String
    var username: String
    var displayName: String
    var role: Role
    var disabled: Bool
    var createdAt: Date
    var updatedAt: Date
    @Nullable var createdBy: String?
    @Nullable var updatedBy: String?
    var etag: String

    enum CodingKeys: String, CodingKey {
        case id, username, role, disabled, etag
        case displayName = "display_name", createdAt = "created_at", updatedAt = "updated_at"
        case createdBy = "created_by", updatedBy = "updated_by"
    }

    init(_ user: User) {
        id = user.stamp.id.lowercased
        username = user.username
        displayName = user.stamp.name
        role = user.role
        disabled = user.disabled
        createdAt = user.stamp.createdAt
        updatedAt = user.stamp.updatedAt
        createdBy = user.stamp.createdBy
        updatedBy = user.stamp.updatedBy
        etag = ETag.revision(user.revision)
    }
}

struct CreateUserInput: Decodable, Sendable {
    var username: String
    var password: String
    var role: String
    var displayName: String?

    enum CodingKeys: String, CodingKey {
        case username, password, role
        case displayName = "display_name"
    }
}

struct UpdateUserInput: Decodable, Sendable {
    var role: String?
    var displayName: String?

    enum CodingKeys: String, CodingKey {
        case role
        case displayName = "display_name"
    }
}

struct SetPasswordInput: Decodable, Sendable {
    var password: String
}

struct ChangePasswordInput: Decodable, Sendable {
    var currentPassword: String
    var newPassword: String

    enum CodingKeys: String, CodingKey {
        case currentPassword = "current_password", newPassword = "new_password"
    }
}
