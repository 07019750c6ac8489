import AtlasCore
import AtlasStorage
import Foundation
import SQLKit

/// `atlas fsck`: re-hashes every stored blob and checks that every file a version names is stored.
public struct FsckReport: Sendable {
    public var checked = 0
    /// Content a version names that the store does not hold.
    public var missing: [ContentHash] = []
    /// Content whose bytes no longer hash to their name.
    public var corrupt: [(expected: ContentHash, actual: ContentHash)] = []
    /// Stored content no version names (purge frees it).
    public var unreferenced = 0

    public var isClean: Bool { missing.isEmpty && corrupt.isEmpty }
}

enum Fsck {
    static func run(database: AtlasDatabase, blobs: any BlobStore) async throws -> FsckReport {
        var report = FsckReport()
        let referenced = try await ReferencedContent.all(on: database.sql)
        let stored = Set(try blobs.allHashes())
        for hash in stored.sorted() {
            report.checked += 1
            if case .corrupt(let actual) = try blobs.verify(hash) { report.corrupt.append((hash, actual)) }
        }
        report.missing = referenced.subtracting(stored).sorted()
        report.unreferenced = stored.subtracting(referenced).count
        return report
    }
}
