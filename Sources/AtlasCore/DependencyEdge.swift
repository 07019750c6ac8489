import Foundation

/// A declared need of one asset version for another. A target that does not exist is kept
/// as a missing edge with the reference that was declared, never dropped.
public struct DependencyEdge: Sendable, Equatable {
    public var id: UUID
    public var sourceVersionID: UUID
    /// The version depended on, nil while it is missing.
    public var targetVersionID: UUID?
    /// What was declared: a version id, `asset_id@version`, or a path or name.
    public var reference: String
    /// Why: `reference`, `texture`, `sublayer`, `input`, … (free text, lowercase).
    public var kind: String
    public var createdAt: Date
    public var createdBy: String?

    public var isMissing: Bool { targetVersionID == nil }

    public init(id: UUID, sourceVersionID: UUID, targetVersionID: UUID?, reference: String, kind: String,
                createdAt: Date, createdBy: String?) {
        self.id = id
        self.sourceVersionID = sourceVersionID
        self.targetVersionID = targetVersionID
        self.reference = reference
        self.kind = kind
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}
