import AtlasCore
import AtlasStorage
import Foundation

extension BlobStore {
    /// Stores bytes held in memory (a file downloaded from another service). Returns its hash and size.
    func store(_ data: Data) throws -> (sha256: ContentHash, size: Int64) {
        try storeWritten { writer in try writer.write(data) }
    }

    /// Streams what `write` writes through a blob writer and commits it: the whole blob or nothing.
    func storeWritten(_ write: (BlobWriter) throws -> Void) throws -> (sha256: ContentHash, size: Int64) {
        let writer = try makeWriter()
        let staged: StagedBlob
        do {
            try write(writer)
            staged = try writer.finish()
        } catch {
            writer.abort()
            throw error
        }
        do {
            try commit(staged)
        } catch {
            discard(staged)
            throw error
        }
        return (staged.hash, staged.size)
    }
}
