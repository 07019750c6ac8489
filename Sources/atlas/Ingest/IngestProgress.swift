import Foundation

/// How far a run has got: files and bytes done out of the total. Upload chunks report in from
/// HTTP client threads, so the counts sit behind a lock rather than in an actor (a chunk callback
/// cannot wait).
final class IngestProgress: @unchecked Sendable {
    struct Snapshot: Sendable {
        var files: Int
        var totalFiles: Int
        var bytes: Int64
        var totalBytes: Int64
        var elapsed: Duration
    }

    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var files = 0
    private var bytes: Int64 = 0
    private let totalFiles: Int
    private let totalBytes: Int64

    init(totalFiles: Int, totalBytes: Int64) {
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
    }

    /// Bytes confirmed on the server: sent, found already stored, or part of a skipped group.
    func add(bytes count: Int64) {
        lock.withLock { bytes += count }
    }

    func add(files count: Int) {
        lock.withLock { files += count }
    }

    var snapshot: Snapshot {
        lock.withLock {
            Snapshot(files: files, totalFiles: totalFiles, bytes: bytes, totalBytes: totalBytes,
                     elapsed: ContinuousClock.now - start)
        }
    }
}
