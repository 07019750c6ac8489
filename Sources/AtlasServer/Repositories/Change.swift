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

    /// The `created_by`/`updated_by` value.
    var by: String { actor.stampValue }

    /// A change made from the shell by the logged-in operating-system user.
    static func cli(_ command: String, at date: Date) -> Change {
        let login = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        return Change(actor: AuditActor(userID: nil, name: "cli:\(login)"), at: date, action: "cli.\(command)")
    }
}
