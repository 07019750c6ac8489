import Foundation

/// The identity and bookkeeping every Atlas object shares (the `atlas_objects` row).
public struct ObjectStamp: Sendable, Equatable {
    public var id: UUID
    public var kind: ObjectKind
    public var name: String
    public var metadata: Metadata
    public var createdAt: Date
    public var updatedAt: Date
    /// Who created it: an account or API key id once accounts exist, `cli` for the shell, nil when anonymous.
    public var createdBy: String?
    public var updatedBy: String?

    public init(id: UUID, kind: ObjectKind, name: String, metadata: Metadata = [:], createdAt: Date, updatedAt: Date,
                createdBy: String?, updatedBy: String?) {
        self.id = id
        self.kind = kind
        self.name = name
        self.metadata = metadata
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.createdBy = createdBy
        self.updatedBy = updatedBy
    }
}

/// Which typed table an object's row continues in.
public enum ObjectKind: String, Sendable, Codable, CaseIterable {
    case project, asset, version, aiTool = "ai_tool", workflow, job, jobBatch = "job_batch", user
}
