import AtlasCore
import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``BlobStore`` on a local (or mounted) file system.
///
/// Layout under `root`:
/// - `sha256/ab/cd/abcd…` — stored blobs, fanned out by the first two hex pairs so no folder
///   grows to millions of entries; files are read-only (0444) because content never changes.
/// - `staging/<random>.part` — writes in progress, on the same file system as the blobs so
///   publishing one is a single atomic directory operation.
///
/// Every step of a commit is ordered so a crash leaves either the complete blob or nothing at
/// its final path; at worst a stray staging file remains for ``sweepStaging(olderThan:)``.
public struct LocalBlobStore: BlobStore {
    /// The store's root folder (absolute).
    public let root: String
    private let blobsDirectory: String
    private let stagingDirectory: String
    /// False only in tests, to exercise the rename(2) path used where hard links are unsupported.
    let publishesByLink: Bool

    /// Opens the store at `root`, creating its folders if needed.
    public init(root: String) throws {
        try self.init(root: root, publishesByLink: true)
    }

    init(root: String, publishesByLink: Bool) throws {
        self.publishesByLink = publishesByLink
        // Absolute, so a later change of working directory cannot re-point the store.
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = absolute
        let base = absolute == "/" ? "" : absolute
        self.blobsDirectory = base + "/sha256"
        self.stagingDirectory = base + "/staging"
        try Self.makeDirectory(blobsDirectory)
        try Self.makeDirectory(stagingDirectory)
    }

    public func makeWriter() throws -> BlobWriter {
        try BlobWriter(stagingPath: stagingDirectory + "/" + UUID().uuidString.lowercased() + ".part")
    }

    @discardableResult
    public func commit(_ staged: StagedBlob) throws -> Bool {
        try requireStaging(staged.stagingPath)
        let destination = blobPath(for: staged.hash)
        let parent = Self.parent(of: destination)
        try Self.makeDirectory(parent)

        // chmod before publishing: once the blob is visible it must already be immutable.
        guard chmod(staged.stagingPath, 0o444) == 0 else {
            throw BlobStoreError.setPermissions(path: staged.stagingPath, errno: errno)
        }

        // link(2) rather than rename(2): rename silently replaces an existing destination, while
        // link fails with EEXIST, so concurrent commits of the same content learn exactly which
        // one stored it. Both are atomic, and the no-replace rename (renameat2) is not exposed to
        // Swift by Glibc. The staging name is removed afterwards; a crash in between only
        // leaves a staging file for the sweep.
        guard publishesByLink else {
            return try renameIntoPlace(staged.stagingPath, destination: destination, parent: parent)
        }
        if link(staged.stagingPath, destination) == 0 {
            try Self.syncDirectory(parent)
            unlink(staged.stagingPath)
            return true
        }
        let code = errno
        if code == EEXIST {
            unlink(staged.stagingPath)
            return false
        }
        guard Self.linkUnsupported.contains(code) else {
            throw BlobStoreError.move(from: staged.stagingPath, to: destination, errno: code)
        }
        return try renameIntoPlace(staged.stagingPath, destination: destination, parent: parent)
    }

    public func discard(_ staged: StagedBlob) {
        // Never unlink a path outside staging, whatever the caller hands in.
        guard (try? requireStaging(staged.stagingPath)) != nil else { return }
        unlink(staged.stagingPath)
    }

    public func contains(_ hash: ContentHash) -> Bool {
        Self.regularFileSize(blobPath(for: hash)) != nil
    }

    public func size(of hash: ContentHash) -> Int64? {
        Self.regularFileSize(blobPath(for: hash))
    }

    public func filePath(for hash: ContentHash) -> String? {
        let path = blobPath(for: hash)
        return Self.regularFileSize(path) != nil ? path : nil
    }

    public func delete(_ hash: ContentHash) throws {
        let path = blobPath(for: hash)
        // The fan-out folders stay: removing one could race a concurrent commit into it.
        guard unlink(path) == 0 || errno == ENOENT else {
            throw BlobStoreError.remove(path: path, errno: errno)
        }
    }

    public func allHashes() throws -> [ContentHash] {
        var hashes: [ContentHash] = []
        for first in try Self.list(blobsDirectory) where Self.isHexPair(first) {
            let firstPath = blobsDirectory + "/" + first
            guard Self.isDirectory(firstPath) else { continue }
            for second in try Self.list(firstPath) where Self.isHexPair(second) {
                let secondPath = firstPath + "/" + second
                guard Self.isDirectory(secondPath) else { continue }
                for name in try Self.list(secondPath) {
                    // Only names that are exactly the canonical hash for this folder count, so a
                    // misplaced or upper-case copy is not reported as a blob that filePath cannot find.
                    guard let hash = ContentHash(hex: name), hash.hex == name,
                        name.hasPrefix(first + second)
                    else { continue }
                    hashes.append(hash)
                }
            }
        }
        return hashes.sorted()
    }

    public func verify(_ hash: ContentHash) throws -> BlobCheck {
        let path = blobPath(for: hash)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return .missing }
            throw BlobStoreError.open(path: path, errno: errno)
        }
        defer { close(fd) }

        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        var hasher = SHA256()
        while true {
            let count = read(fd, chunk.baseAddress, chunk.count)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw BlobStoreError.read(path: path, errno: errno)
            }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk[..<count]))
        }
        let actual = ContentHash(digest: hasher.finalize())
        return actual == hash ? .intact : .corrupt(actual: actual)
    }

    @discardableResult
    public func sweepStaging(olderThan age: TimeInterval) throws -> Int {
        // Writers keep touching their file's modification time, so age measures idleness; and
        // a live writer holds a lock on its file, so a file that can be locked here has no
        // writer left: its process crashed or was killed.
        let cutoff = Date(timeIntervalSinceNow: -age)
        var removed = 0
        for name in try Self.list(stagingDirectory) where name.hasSuffix(".part") {
            let path = stagingDirectory + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let modified = attributes[.modificationDate] as? Date,
                modified <= cutoff,
                !Self.isHeldByWriter(path)
            else { continue }
            if unlink(path) == 0 {
                removed += 1
            } else if errno != ENOENT {  // ENOENT: another process swept it first.
                throw BlobStoreError.remove(path: path, errno: errno)
            }
        }
        return removed
    }

    /// Whether a live `BlobWriter` (of any process) holds the staging file's lock.
    static func isHeldByWriter(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK
    }

    // MARK: - Paths

    func blobPath(for hash: ContentHash) -> String {
        let hex = hash.hex.utf8
        let first = String(decoding: hex.prefix(2), as: UTF8.self)
        let second = String(decoding: hex.dropFirst(2).prefix(2), as: UTF8.self)
        return "\(blobsDirectory)/\(first)/\(second)/\(hash.hex)"
    }

    private func requireStaging(_ path: String) throws {
        guard Self.parent(of: path) == stagingDirectory else {
            throw BlobStoreError.notStagedHere(path: path)
        }
    }

    // MARK: - File system helpers

    /// errno values with which link(2) says the file system cannot hard-link at all (FAT, some
    /// network and FUSE mounts); those fall back to rename(2).
    /// An array, not a Set: ENOTSUP and EOPNOTSUPP are the same number on Linux, and a Set
    /// literal with duplicates traps.
    private static let linkUnsupported: [Int32] = [EPERM, ENOTSUP, EOPNOTSUPP, ENOSYS, EMLINK]

    private func renameIntoPlace(_ source: String, destination: String, parent: String) throws -> Bool {
        if access(destination, F_OK) == 0 {
            unlink(source)
            return false
        }
        // Racing commits of the same content may both get here; the later rename replaces an
        // identical file atomically, so readers never see anything but the whole blob.
        guard rename(source, destination) == 0 else {
            throw BlobStoreError.move(from: source, to: destination, errno: errno)
        }
        try Self.syncDirectory(parent)
        return true
    }

    /// Creates `path` and any missing parents, fsyncing the parent of each new folder so the
    /// folder itself survives a power loss along with the blob committed into it.
    private static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 {
            try syncDirectory(parent(of: path))
            return
        }
        switch errno {
        case EEXIST:
            return
        case ENOENT where path != "/" && !path.isEmpty:
            try makeDirectory(parent(of: path))
            // Another committer may create it between our two attempts.
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                throw BlobStoreError.createDirectory(path: path, errno: errno)
            }
            try syncDirectory(parent(of: path))
        case let code:
            throw BlobStoreError.createDirectory(path: path, errno: code)
        }
    }

    /// A rename or link is only durable once the folder holding the new name is flushed.
    private static func syncDirectory(_ path: String) throws {
        let fd = open(path.isEmpty ? "/" : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw BlobStoreError.open(path: path, errno: errno) }
        defer { close(fd) }
        // Some file systems cannot fsync a folder at all; that is no reason to fail a commit
        // whose blob is already in place.
        guard fsync(fd) == 0 || errno == EINVAL || errno == ENOTSUP || errno == EOPNOTSUPP else {
            throw BlobStoreError.sync(path: path, errno: errno)
        }
    }

    private static func regularFileSize(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & mode_t(S_IFMT) == mode_t(S_IFREG) else { return nil }
        return Int64(info.st_size)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR)
    }

    private static func list(_ path: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw BlobStoreError.listDirectory(path: path, reason: "\(error)")
        }
    }

    private static func isHexPair(_ name: String) -> Bool {
        name.utf8.count == 2 && name.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
