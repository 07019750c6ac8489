import AtlasCore
import Foundation

/// Who is changing something, when, and through which operation: what stamps
/// `created_by`/`updated_by` and what the audit log records.
struct Change: Sendable {
    var actor: AuditActor
    var at: Date
    /// The API operation (`updateAsset`) or command (`cli.user.create`) making the change.
    var action: String
    var clientAddress: String? = nil
    var requestID: String? = nil
    /// The caller's `Atlas-Client-Id`, echoed on the events the change causes.
    var clientID: String? = nil

    /// The `created_by`/`updated_by` value.
    var by: String { actor.stampValue }

    /// The same change, made by `user`: signing in acts for the account being signed in.
    func acting(as user: User) -> Change {
        var change = self
        change.actor = AuditActor(userID: user.stamp.id, name: user.username)
        return change
    }

    /// A change made from the shell by the logged-in operating-system user.
    static func cli(_ command: String, at date: Date) -> Change {
        let login = ProcessInfo.processInfo.userName
        return Change(actor: AuditActor(userID: nil, name: "cli:\(login)"), at: date, action: "cli.\(command)")
    }
}
