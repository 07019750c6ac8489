#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif
import NIOCore
import NIOPosix

/// A file's bytes as a sequence of buffers, read one chunk at a time: an upload body (or a hash's
/// input) that streams from disk and never holds the whole file in memory.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    /// The open file, closed when the last sequence or iterator using it goes away.
    final class OpenFile: Sendable {
        let descriptor: Int32
        let size: Int64

        init(path: String) throws {
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw FileReadError("cannot open \(path): \(String(cString: strerror(errno)))") }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else {
                close(descriptor)
                throw FileReadError("cannot stat \(path): \(String(cString: strerror(errno)))")
            }
            self.descriptor = descriptor
            self.size = Int64(info.st_size)
        }

        deinit { close(descriptor) }

        /// Reads up to `count` bytes at `offset`. `pread` leaves the file position alone, so
        /// reads never depend on one another.
        func read(count: Int, at offset: Int64) throws -> ByteBuffer {
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            let descriptor = self.descriptor
            _ = try buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { (space: UnsafeMutableRawBufferPointer) throws(FileReadError) -> Int in
                let read = pread(descriptor, space.baseAddress, count, off_t(offset))
                guard read >= 0 else { throw FileReadError("read failed: \(String(cString: strerror(errno)))") }
                return read
            }
            return buffer
        }
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let file: OpenFile
        let chunkSize: Int
        let sent: (@Sendable (Int) -> Void)?
        var offset: Int64 = 0

        mutating func next() async throws -> ByteBuffer? {
            guard offset < file.size else { return nil }
            let count = Int(Swift.min(Int64(chunkSize), file.size - offset))
            let file = self.file
            let at = offset
            // Reads run on NIO's blocking-I/O pool: a read that waits for the disk must not
            // hold one of the few cooperative threads the HTTP client's tasks run on.
            let chunk = try await NIOThreadPool.singleton.runIfActive { try file.read(count: count, at: at) }
            guard chunk.readableBytes > 0 else { throw FileReadError("file shrank while being read") }
            offset += Int64(chunk.readableBytes)
            sent?(chunk.readableBytes)
            return chunk
        }
    }

    let file: OpenFile
    let chunkSize: Int
    /// Told the size of each chunk as it is handed on, for progress.
    let sent: (@Sendable (Int) -> Void)?

    /// Opens `path` now, so a missing file fails before the request starts.
    init(path: String, chunkSize: Int = 1 << 20, sent: (@Sendable (Int) -> Void)? = nil) throws {
        file = try OpenFile(path: path)
        self.chunkSize = chunkSize
        self.sent = sent
    }

    var size: Int64 { file.size }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(file: file, chunkSize: chunkSize, sent: sent)
    }
}
