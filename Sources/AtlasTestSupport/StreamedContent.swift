import Crypto
import Foundation
import NIOCore

/// Content of any size made chunk by chunk as it is sent, so a test can upload gigabytes
/// without holding them; its SHA-256 is known once it has all been produced.
public struct StreamedContent: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer

    public let size: Int64
    public let chunkSize: Int
    private let digest = DigestBox()

    public init(size: Int64, chunkSize: Int = 1 << 20) {
        self.size = size
        self.chunkSize = chunkSize
    }

    /// The hash of everything produced so far (all of it, once the sequence has ended).
    public var sha256: String { digest.hex }

    public func makeAsyncIterator() -> Iterator {
        Iterator(remaining: size, chunk: Fixtures.bytes(chunkSize, seed: 77), digest: digest)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var remaining: Int64
        let chunk: Data
        let digest: DigestBox
        var counter: UInt64 = 0

        public mutating func next() async -> ByteBuffer? {
            guard remaining > 0 else { return nil }
            var bytes = Data(chunk.prefix(Int(Swift.min(Int64(chunk.count), remaining))))
            // Vary each chunk so that the content does not repeat.
            let stamp = Swift.min(8, bytes.count)
            withUnsafeBytes(of: counter.littleEndian) { bytes.replaceSubrange(bytes.startIndex..<bytes.startIndex + stamp, with: $0.prefix(stamp)) }
            counter += 1
            remaining -= Int64(bytes.count)
            digest.update(bytes)
            return ByteBuffer(data: bytes)
        }
    }

    /// The running hash, shared between the sequence and its iterator.
    final class DigestBox: @unchecked Sendable {
        // Only the one task that iterates the sequence writes; reads come after it has ended.
        private let lock = NSLock()
        private var hasher = SHA256()
        private var finished: String?

        func update(_ data: Data) {
            lock.withLock { hasher.update(data: data) }
        }

        var hex: String {
            lock.withLock {
                if let finished { return finished }
                let value = hasher.finalize().map { String(format: "%02x", $0) }.joined()
                finished = value
                return value
            }
        }
    }
}
