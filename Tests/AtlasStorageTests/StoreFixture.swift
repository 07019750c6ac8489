import AtlasCore
@testable import AtlasStorage
import Crypto
import Foundation

/// A ``LocalBlobStore`` in a fresh temporary folder that is removed when the fixture is released,
/// so every test starts from an empty store.
final class StoreFixture {
    let root: String
    let store: LocalBlobStore

    /// `publishesByLink: false` exercises the rename fallback for file systems without hard links.
    init(publishesByLink: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("atlas-storage-tests-\(UUID().uuidString)").path
        store = try LocalBlobStore(root: root, publishesByLink: publishesByLink)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    var stagingDirectory: String { store.root + "/staging" }

    func stagingFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: stagingDirectory).sorted()
    }

    func stage(_ data: Data) throws -> StagedBlob {
        let writer = try store.makeWriter()
        try writer.write(data)
        return try writer.finish()
    }

    @discardableResult
    func put(_ data: Data) throws -> ContentHash {
        let staged = try stage(data)
        try store.commit(staged)
        return staged.hash
    }
}

/// Writes a stray file, failing the test if it cannot.
func writeFile(_ path: String, _ contents: Data) throws {
    try contents.write(to: URL(fileURLWithPath: path))
}

/// SHA-256 of the whole buffer at once, independent of the streaming code under test.
func oneShotHash(_ data: Data) -> ContentHash {
    ContentHash(digest: SHA256.hash(data: data))
}

/// Reproducible pseudo-random bytes (xorshift), so failures can be replayed.
func pseudoRandomData(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> Data {
    var state = seed
    var data = Data(count: count)
    data.withUnsafeMutableBytes { (bytes: UnsafeMutableRawBufferPointer) in
        for index in 0..<count {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            bytes[index] = UInt8(truncatingIfNeeded: state)
        }
    }
    return data
}
