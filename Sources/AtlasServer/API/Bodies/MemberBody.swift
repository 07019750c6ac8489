import AtlasCore
import Foundation

/// A project member: who, with which role, added when and by whom.
struct MemberBody: Encodable, Sendable {
    var userID: String
    var username: String
    var displayName: String
    var role: Role
    var addedAt: Date
    @Nullable var addedBy: String?

    enum CodingKeys: String, CodingKey {
        case username, role
        case userID = "user_id", displayName = "display_name", addedAt = "added_at", addedBy = "added_by"
    }

    init(_ member: MemberRepository.Member) {
        userID = member.user.stamp.id.lowercased
        username = member.user.username
        displayName = member.user.stamp.name
        role = member.user.role
        addedAt = member.addedAt
        addedBy = member.addedBy
    }
}

/// Names the account to add: by id or by username.
struct AddMemberInput: Decodable, Sendable {
    var userID: UUID?
    var username: String?

    enum CodingKeys: String, CodingKey {
        case username
        case userID = "user_id"
    }
}

struct SecretBody: Encodable, Sendable {
    var name: String
    var updatedAt: Date
    @Nullable var updatedBy: String?

    enum CodingKeys: String, CodingKey {
        case name
        case updatedAt = "updated_at", updatedBy = "updated_by"
    }
}

struct SecretInput: Decodable, Sendable {
    var value: String
}
