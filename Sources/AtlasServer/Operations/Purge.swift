import AtlasCore
import AtlasStorage
import Foundation
import SQLKit

/// `atlas purge`: frees stored content that no version names.
public struct PurgeReport: Sendable {
    public var removable: [(hash: ContentHash, size: Int64)] = []
    public var removed = 0
    public var bytes: Int64 { removable.reduce(0) { $0 + $1.size } }
}

enum Purge {
    /// - Parameters:
    ///   - apply: delete; otherwise only report (the default, a dry run).
    ///   - graceSeconds: content stored more recently is kept, since an upload may be about to name it.
    static func run(database: AtlasDatabase, blobs: any BlobStore, apply: Bool, graceSeconds: TimeInterval,
                    now: Date) async throws -> PurgeReport {
        var report = PurgeReport()
        let referenced = try await ReferencedContent.all(on: database.sql)
        for hash in try blobs.allHashes() where !referenced.contains(hash) {
            guard let path = blobs.filePath(for: hash), let size = blobs.size(of: hash) else { continue }
            let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? now
            guard now.timeIntervalSince(modified) >= graceSeconds else { continue }
            report.removable.append((hash, size))
        }
        guard apply else { return report }
        for (hash, _) in report.removable {
            // Checked again one by one: a version may have come to name it since the scan.
            if try await ReferencedContent.isReferenced(hash, on: database.sql) { continue }
            try blobs.delete(hash)
            report.removed += 1
        }
        if report.removed > 0 {
            let change = Change.cli("purge", at: now)
            let summary: JSONValue = ["removed": .number(Double(report.removed)), "bytes": .number(Double(report.bytes))]
            try await database.write { sql in
                try await AuditLog.record(change, kind: "blob_store", id: nil as String?, after: summary, on: sql)
            }
        }
        return report
    }
}
