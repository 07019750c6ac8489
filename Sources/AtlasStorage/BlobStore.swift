import AtlasCore
import Foundation

/// A content-addressed store of immutable blobs, each named by the SHA-256 of its bytes.
///
/// Writes go through a staging step so a blob only becomes visible under its hash once every
/// byte is on disk: callers stream into a ``BlobWriter``, ``BlobWriter/finish()`` yields a
/// ``StagedBlob``, and ``commit(_:)`` publishes it. Kept as a protocol so a remote (S3) store
/// can sit behind the same interface later.
public protocol BlobStore: Sendable {
    /// Opens a staged write. Bytes are hashed as they are written to a temporary file inside the store.
    func makeWriter() throws -> BlobWriter

    /// Moves a finished staged blob into place (atomic rename). If the content is already stored,
    /// the staged file is discarded and the existing blob kept. Returns whether it was newly stored.
    @discardableResult func commit(_ staged: StagedBlob) throws -> Bool

    /// Removes a staged blob that will not be committed.
    func discard(_ staged: StagedBlob)

    /// Whether a blob with this hash is stored.
    func contains(_ hash: ContentHash) -> Bool

    /// Size in bytes of a stored blob, nil if absent.
    func size(of hash: ContentHash) -> Int64?

    /// Local file path of a stored blob for streaming responses (nil if absent).
    func filePath(for hash: ContentHash) -> String?

    /// Deletes a stored blob (purge only). Not an error if absent.
    func delete(_ hash: ContentHash) throws

    /// Every stored blob hash (for fsck and purge). Ignores staging files and anything not named like a hash.
    func allHashes() throws -> [ContentHash]

    /// Re-reads and re-hashes a stored blob.
    func verify(_ hash: ContentHash) throws -> BlobCheck

    /// Removes staging files left behind by a crash or kill (called at start-up). Returns how many
    /// were removed. A file whose writer is alive (it holds the file's lock, in any process
    /// sharing the store) is kept, and so is one written to in the last `age` seconds.
    @discardableResult func sweepStaging(olderThan age: TimeInterval) throws -> Int
}
