import AtlasCore
import AtlasStorage
import Foundation

extension BlobStore {
    /// Stores the bytes of a file on disk (a preview or export a tool wrote), streamed through a
    /// blob writer like an upload. Returns its hash and size.
    func store(fileAt url: URL) throws -> (sha256: ContentHash, size: Int64) {
        try storeWritten { writer in
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                try writer.write(chunk)
            }
        }
    }
}
