import AtlasComfyUI
import AtlasCore
import Foundation

/// One immutable, numbered version of a tool: the manifest and workflow it had then. Runs are
/// pinned to a version, so changing a tool never changes what an earlier result was made with.
struct AIToolVersion: Sendable {
    var id: UUID
    var toolID: UUID
    var number: Int
    var manifest: AIToolManifest
    var workflow: ComfyUIWorkflow
    /// SHA-256 of the manifest and workflow as canonical JSON: the same content is the same version.
    var contentHash: String
    var createdAt: Date
    var createdBy: String?

    /// The name the pool uses to prefer the server that ran this version last (its cache holds it).
    var poolWorkflowKey: String { "\(manifest.name)@\(number)" }
}

/// A registered tool and its current version.
struct AITool: Sendable {
    var id: UUID
    var name: String
    var category: String
    /// Where it came from: `api`, `builtin` or `folder`.
    var source: String
    var current: AIToolVersion
}
