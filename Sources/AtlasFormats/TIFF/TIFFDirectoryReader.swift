/// Reads a TIFF's header and its chain of IFDs, in either byte order, classic or BigTIFF.
/// Every offset and count is checked against the source's size, and the chain against loops.
struct TIFFDirectoryReader {
    let source: ByteSource
    let limits: FormatLimits
    private(set) var bigEndian = false
    private(set) var isBigTIFF = false
    private(set) var firstOffset = 0

    /// Largest number of values read for one tag (strip and tile offset lists of very large images).
    static let maxValuesPerTag = 1 << 22
    /// Largest number of pages followed.
    static let maxDirectories = 65_536

    init(source: ByteSource, limits: FormatLimits) throws {
        self.source = source
        self.limits = limits
        var reader = ByteReader(try source.read(at: 0, count: 16))
        switch try reader.bytes(2) {
        case [0x49, 0x49]: bigEndian = false
        case [0x4D, 0x4D]: bigEndian = true
        default: throw ParseFailure.corrupt("the TIFF byte order mark is missing")
        }
        reader.bigEndian = bigEndian
        switch try reader.u16() {
        case 42:
            firstOffset = Int(try reader.u32())
        case 43:
            isBigTIFF = true
            guard try reader.u16() == 8, try reader.u16() == 0 else { throw ParseFailure.corrupt("a BigTIFF header with an unusual offset size") }
            let offset = try reader.u64()
            guard offset <= UInt64(Int.max) else { throw ParseFailure.corrupt("the first IFD offset is out of range") }
            firstOffset = Int(offset)
        case let other:
            throw ParseFailure.corrupt("TIFF version \(other) is neither 42 nor 43 (BigTIFF)")
        }
    }

    func firstDirectory() throws -> TIFFDirectory {
        try directory(at: firstOffset).directory
    }

    /// Every directory in the main chain. An IFD past the end of the file ends the chain with `endOfData`.
    func allDirectories() throws -> [TIFFDirectory] {
        var result: [TIFFDirectory] = []
        var visited: Set<Int> = []
        var offset = firstOffset
        while offset != 0 {
            guard visited.insert(offset).inserted else { throw ParseFailure.corrupt("the IFD chain loops back to byte \(offset)") }
            guard result.count < Self.maxDirectories else {
                throw ParseFailure.limitExceeded("more than \(Self.maxDirectories) TIFF directories")
            }
            let (directory, next) = try directory(at: offset)
            result.append(directory)
            offset = next
        }
        return result
    }

    private func directory(at offset: Int) throws -> (directory: TIFFDirectory, next: Int) {
        guard offset >= 8, offset < source.size else { throw ParseFailure.endOfData }
        var reader = ByteReader(try source.read(at: offset, count: 8), bigEndian: bigEndian)
        let count = isBigTIFF ? try reader.u64() : UInt64(try reader.u16())
        guard count <= UInt64(limits.maxAttributes) else {
            throw ParseFailure.limitExceeded("an IFD declares \(count) entries, above \(limits.maxAttributes)")
        }
        let entrySize = isBigTIFF ? 20 : 12, countSize = isBigTIFF ? 8 : 2, nextSize = isBigTIFF ? 8 : 4
        let bytes = try source.read(at: offset, count: countSize + Int(count) * entrySize + nextSize)
        reader = ByteReader(bytes, offset: countSize, bigEndian: bigEndian)
        var directory = TIFFDirectory(offset: offset)
        for _ in 0..<count {
            let tag = try reader.u16(), type = try reader.u16()
            let valueCount = isBigTIFF ? try reader.u64() : UInt64(try reader.u32())
            let field = try reader.bytes(isBigTIFF ? 8 : 4)
            directory.tags.append(tag)
            if TIFFTag.read.contains(tag) {
                directory.values[tag] = try values(type: type, count: valueCount, field: field)
            }
        }
        let next = isBigTIFF ? try reader.u64() : UInt64(try reader.u32())
        guard next <= UInt64(Int.max) else { throw ParseFailure.corrupt("the next IFD offset is out of range") }
        return (directory, Int(next))
    }

    /// The integer values of one entry; a non-integer type yields none.
    private func values(type: UInt16, count: UInt64, field: [UInt8]) throws -> [UInt64] {
        let size: Int
        switch type {
        case 1, 6, 7: size = 1      // BYTE, SBYTE, UNDEFINED
        case 3, 8: size = 2         // SHORT, SSHORT
        case 4, 9, 13: size = 4     // LONG, SLONG, IFD
        case 16, 17, 18: size = 8   // LONG8, SLONG8, IFD8
        default: return []
        }
        guard count <= UInt64(Self.maxValuesPerTag) else {
            throw ParseFailure.limitExceeded("a TIFF tag holds \(count) values, above \(Self.maxValuesPerTag)")
        }
        let total = Int(count) * size
        var data = field
        if total > field.count {
            var pointer = ByteReader(field, bigEndian: bigEndian)
            let offset = isBigTIFF ? try pointer.u64() : UInt64(try pointer.u32())
            guard offset <= UInt64(source.size), UInt64(total) <= UInt64(source.size) - offset else { throw ParseFailure.endOfData }
            data = try source.read(at: Int(offset), count: total)
        }
        var reader = ByteReader(data, bigEndian: bigEndian)
        return try (0..<Int(count)).map { _ in
            switch size {
            case 1: UInt64(try reader.u8())
            case 2: UInt64(try reader.u16())
            case 4: UInt64(try reader.u32())
            default: try reader.u64()
            }
        }
    }
}
