import AtlasCore

/// A fully written, fsynced blob waiting in a store's staging area to be committed or discarded.
///
/// Only ``BlobWriter/finish()`` creates one, so its hash always describes the bytes that were
/// actually written and a store can publish the file under that hash without re-reading it.
public struct StagedBlob: Sendable {
    /// SHA-256 of the staged bytes.
    public let hash: ContentHash
    /// Number of bytes staged.
    public let size: Int64
    /// Path of the temporary file inside the store's staging area.
    public let stagingPath: String

    init(hash: ContentHash, size: Int64, stagingPath: String) {
        self.hash = hash
        self.size = size
        self.stagingPath = stagingPath
    }
}
