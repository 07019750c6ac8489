import Foundation

/// An account. Its display name is the object's `name`.
public struct User: Sendable, Equatable {
    public var stamp: ObjectStamp
    /// How the person signs in; unique, stored lowercased.
    public var username: String
    public var role: Role
    /// A disabled account keeps its history but can neither sign in nor use its sessions, tokens or keys.
    public var disabled: Bool
    public var revision: Int

    public init(stamp: ObjectStamp, username: String, role: Role, disabled: Bool, revision: Int) {
        self.stamp = stamp
        self.username = username
        self.role = role
        self.disabled = disabled
        self.revision = revision
    }
}
