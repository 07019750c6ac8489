import Foundation

/// Random access to a file's bytes, so a parser reads the header and the few places it checks
/// (an offset table, the last chunk) without loading a multi-gigabyte plate into memory.
public protocol ByteSource {
    /// The total number of bytes.
    var size: Int { get }
    /// Up to `count` bytes starting at `offset`; fewer when the source ends first, none past the end.
    func read(at offset: Int, count: Int) throws -> [UInt8]
}

/// Bytes already in memory.
public struct DataByteSource: ByteSource, Sendable {
    public let bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ data: Data) { self.bytes = [UInt8](data) }
    public var size: Int { bytes.count }

    public func read(at offset: Int, count: Int) throws -> [UInt8] {
        guard offset >= 0, count > 0, offset < bytes.count else { return [] }
        let end = offset + min(count, bytes.count - offset)
        return Array(bytes[offset..<end])
    }
}

/// A file on disk, read with positioned reads.
public final class FileByteSource: ByteSource {
    private let handle: FileHandle
    public let size: Int

    public init(url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
        let end = try handle.seekToEnd()
        size = Int(clamping: end)
    }

    deinit { try? handle.close() }

    public func read(at offset: Int, count: Int) throws -> [UInt8] {
        guard offset >= 0, count > 0, offset < size else { return [] }
        try handle.seek(toOffset: UInt64(offset))
        let data = try handle.read(upToCount: min(count, size - offset)) ?? Data()
        return [UInt8](data)
    }
}
