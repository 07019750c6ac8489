import Foundation

/// A slot on one server, held while a run uses it. Give it back with `ComfyUIPool.release`.
public struct ComfyUILease: Sendable, Hashable {
    public let id: UUID
    public let server: URL
    /// The client for that server: upload, run and fetch outputs all through it.
    public let client: ComfyUIClient

    public static func == (lhs: ComfyUILease, rhs: ComfyUILease) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
