import Foundation

/// One recorded change: who did what to which object, and how it looked before and after.
public struct AuditEntry: Sendable, Equatable {
    public var id: UUID
    public var at: Date
    public var actor: AuditActor
    /// The operation, named as the API names it (`updateAsset`), or a command (`cli.user.create`).
    public var action: String
    public var objectKind: String?
    public var objectID: String?
    /// Only what changed: `{"before": {...}, "after": {...}}`.
    public var summary: JSONValue
    public var clientAddress: String?
    public var requestID: String?

    public init(id: UUID, at: Date, actor: AuditActor, action: String, objectKind: String?, objectID: String?,
                summary: JSONValue, clientAddress: String?, requestID: String?) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.objectKind = objectKind
        self.objectID = objectID
        self.summary = summary
        self.clientAddress = clientAddress
        self.requestID = requestID
    }
}

/// Who made a change: an account, possibly through one of its API keys, or the shell.
public struct AuditActor: Sendable, Equatable {
    /// The account's id; nil for the shell or an anonymous caller (first-start setup, a failed sign-in).
    public var userID: UUID?
    /// The account's username at the time, or `cli:<login>` for the shell.
    public var name: String
    /// The API key used, when the request was made with one.
    public var apiKeyID: UUID?

    public init(userID: UUID?, name: String, apiKeyID: UUID? = nil) {
        self.userID = userID
        self.name = name
        self.apiKeyID = apiKeyID
    }

    /// The value stored as `created_by`/`updated_by`: the account's id (the audit log says which
    /// key it used), or the name of the shell user or process when there is no account.
    public var stampValue: String {
        userID.map { $0.uuidString.lowercased() } ?? name
    }
}
