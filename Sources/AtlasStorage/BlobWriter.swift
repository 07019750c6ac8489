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

/// Streams one blob into a staging file while hashing it, so an upload of any size is hashed in a
/// single pass and never held in memory.
///
/// Use it from one task only. Call ``finish()`` to get a ``StagedBlob`` for
/// ``BlobStore/commit(_:)``, or ``abort()`` to give up. If neither is called (for example the
/// uploading task was cancelled), the staging file is removed when the writer is released.
public final class BlobWriter {
    /// Small writes are gathered into this many bytes before a `write(2)`, so a stream of tiny
    /// chunks does not cost one system call each; larger chunks bypass the buffer entirely.
    static let bufferCapacity = 256 * 1024

    private enum State {
        case open
        case finished
        case aborted
    }

    /// Path of the staging file being written.
    public let stagingPath: String

    /// Bytes accepted so far (including any not yet handed to the operating system).
    public private(set) var bytesWritten: Int64 = 0

    private var descriptor: Int32
    private var state = State.open
    private var hasher = SHA256()
    private let buffer: UnsafeMutableRawBufferPointer
    private var buffered = 0

    /// Creates the staging file at `stagingPath`, which must not exist yet.
    ///
    /// Stores call this from ``BlobStore/makeWriter()``; the path should be inside the store's
    /// staging area so the finished file can be renamed into place on the same file system.
    public init(stagingPath: String) throws {
        let fd = open(stagingPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BlobStoreError.open(path: stagingPath, errno: errno) }
        // Held until the file is closed or the process dies: it tells `sweepStaging` this upload
        // is alive, in this process or any other sharing the store. Where the file system has
        // no locks the sweep falls back on the file's age.
        _ = flock(fd, LOCK_EX | LOCK_NB)
        self.stagingPath = stagingPath
        self.descriptor = fd
        self.buffer = .allocate(byteCount: Self.bufferCapacity, alignment: 16)
    }

    deinit {
        if state == .open {
            close(descriptor)
            unlink(stagingPath)
        }
        buffer.deallocate()
    }

    /// Appends bytes to the blob and to its running hash.
    ///
    /// If the write fails (for example the disk is full) the writer aborts itself, because the
    /// file and the hash may no longer agree; the error is rethrown and later writes throw
    /// ``BlobStoreError/writerClosed(path:)``.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard state == .open else { throw BlobStoreError.writerClosed(path: stagingPath) }
        guard !bytes.isEmpty else { return }
        do {
            if buffered + bytes.count > Self.bufferCapacity {
                try flushBuffer()
            }
            if bytes.count >= Self.bufferCapacity {
                try writeThrough(bytes)
            } else {
                UnsafeMutableRawBufferPointer(rebasing: buffer[buffered...]).copyMemory(from: bytes)
                buffered += bytes.count
            }
        } catch {
            abort()
            throw error
        }
        hasher.update(bufferPointer: bytes)
        bytesWritten += Int64(bytes.count)
    }

    /// Appends the bytes of `data`, with the same failure rules as the raw-buffer write.
    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    /// Flushes, fsyncs and closes the staging file and returns it with its hash and size.
    ///
    /// The fsync happens here, before any rename, so a crash after commit can never expose a
    /// blob whose name promises bytes that never reached the disk. On failure the staging file is
    /// removed and the error rethrown.
    public func finish() throws -> StagedBlob {
        guard state == .open else { throw BlobStoreError.writerClosed(path: stagingPath) }
        do {
            try flushBuffer()
            guard fsync(descriptor) == 0 else {
                throw BlobStoreError.sync(path: stagingPath, errno: errno)
            }
        } catch {
            abort()
            throw error
        }
        state = .finished
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(stagingPath)
            throw BlobStoreError.close(path: stagingPath, errno: code)
        }
        return StagedBlob(
            hash: ContentHash(digest: hasher.finalize()),
            size: bytesWritten,
            stagingPath: stagingPath)
    }

    /// Closes and removes the staging file. Safe to call more than once; does nothing after ``finish()``.
    public func abort() {
        guard state == .open else { return }
        state = .aborted
        close(descriptor)
        unlink(stagingPath)
    }

    private func flushBuffer() throws {
        guard buffered > 0 else { return }
        try writeThrough(UnsafeRawBufferPointer(rebasing: buffer[..<buffered]))
        buffered = 0
    }

    /// `write(2)` may accept fewer bytes than asked or be interrupted by a signal; loop until all are out.
    private func writeThrough(_ bytes: UnsafeRawBufferPointer) throws {
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let count = systemWrite(descriptor, next, remaining)
            if count < 0 {
                if errno == EINTR { continue }
                throw BlobStoreError.write(path: stagingPath, errno: errno)
            }
            next += count
            remaining -= count
        }
    }
}

/// The methods named `write` hide the C function inside the class.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}

// One writer belongs to one upload; sharing it would interleave chunks and corrupt the hash.
@available(*, unavailable)
extension BlobWriter: Sendable {}
