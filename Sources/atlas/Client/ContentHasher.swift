import AtlasCore
import Crypto

/// The SHA-256 of a file, read in chunks: how a client asks the server whether it already
/// holds the bytes before sending them.
enum ContentHasher {
    static func sha256(ofFileAt path: String) async throws -> ContentHash {
        var hasher = SHA256()
        for try await chunk in try FileChunks(path: path, chunkSize: 4 << 20) {
            chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
        }
        return ContentHash(digest: hasher.finalize())
    }
}
