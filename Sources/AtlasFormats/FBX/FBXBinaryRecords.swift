/// Walks the node records of a binary FBX file through a `ByteSource`, checking every offset against
/// its parent before following it, so a lying end offset or length ends in a `ParseFailure` rather
/// than a crash, a loop or a large allocation. Only record headers and the first property of the few
/// records a summary needs are read; everything else is stepped over by its end offset.
struct FBXBinaryRecords {
    /// One node record: its name and where its properties and children lie.
    struct Record {
        var name: String
        var start: Int
        var propertyCount: Int
        var propertiesStart: Int
        var propertiesLength: Int
        var end: Int
        var childrenStart: Int { propertiesStart + propertiesLength }
    }

    /// The first bytes of every binary FBX, before the uint32 version.
    static let magic: [UInt8] = Array("Kaydara FBX Binary  ".utf8) + [0x00, 0x1A, 0x00]
    static let headerLength = 27
    /// Files from 7.5 on use 64-bit offsets and counts in record headers.
    static let wideFromVersion = 7500
    /// The largest first property read (a file name or creator string).
    static let maxPropertyBytes = 64 << 10
    static let blockSize = 64 << 10

    let source: ByteSource
    let wide: Bool
    let maxRecords: Int
    private(set) var visited = 0
    private var block: [UInt8] = []
    private var blockStart = 0

    init(source: ByteSource, version: Int, maxRecords: Int) {
        self.source = source
        wide = version >= Self.wideFromVersion
        self.maxRecords = maxRecords
    }

    /// The version from the file header, after checking the magic.
    static func version(of source: ByteSource) throws -> Int {
        var reader = ByteReader(try source.read(at: 0, count: headerLength))
        guard try reader.bytes(magic.count) == magic else {
            throw ParseFailure.corrupt("the binary FBX magic ('Kaydara FBX Binary  \\0\\x1a\\0') is incomplete")
        }
        return Int(try reader.u32())
    }

    /// The size of the all-zero record that closes a list.
    var nullRecordLength: Int { wide ? 25 : 13 }

    /// The records of one list (the top level, or a record's children) from `start` up to `end`,
    /// stopping at the null record that closes a list.
    mutating func records(from start: Int, to end: Int) throws -> [Record] {
        var found: [Record] = []
        var offset = start
        while offset < end {
            guard let record = try record(at: offset, within: end) else { return found }
            found.append(record)
            offset = record.end
        }
        return found
    }

    /// The record header at `offset`, or nil for a null record; its end must lie after its header
    /// and within `limit` (its parent's end, or the file's).
    mutating func record(at offset: Int, within limit: Int) throws -> Record? {
        visited += 1
        guard visited <= maxRecords else {
            throw ParseFailure.limitExceeded("the file holds more than \(maxRecords) FBX node records; the rest are not read")
        }
        let fieldWidth = wide ? 8 : 4
        var reader = ByteReader(try bytes(at: offset, count: 3 * fieldWidth + 1))
        let end = try field(&reader), propertyCount = try field(&reader), propertiesLength = try field(&reader)
        let nameLength = Int(try reader.u8())
        if end == 0, propertyCount == 0, propertiesLength == 0, nameLength == 0 { return nil }
        let nameStart = offset + 3 * fieldWidth + 1
        let propertiesStart = nameStart + nameLength
        guard end > UInt64(offset), end <= UInt64(limit) else {
            if end > UInt64(source.size) { throw ParseFailure.endOfData }
            throw ParseFailure.corrupt("the record at byte \(offset) ends at \(end), outside its parent (which ends at \(limit))")
        }
        let recordEnd = Int(end)
        guard propertiesStart <= recordEnd, propertiesLength <= UInt64(recordEnd - propertiesStart),
              propertyCount <= propertiesLength else {
            throw ParseFailure.corrupt("the record at byte \(offset) declares \(propertiesLength) bytes of properties in \(recordEnd - offset)")
        }
        let name = String(decoding: try bytes(at: nameStart, count: nameLength), as: UTF8.self)
        return Record(name: name, start: offset, propertyCount: Int(propertyCount), propertiesStart: propertiesStart,
                      propertiesLength: Int(propertiesLength), end: recordEnd)
    }

    /// The children of `record`, which end before its end.
    mutating func children(of record: Record) throws -> [Record] {
        try records(from: record.childrenStart, to: record.end)
    }

    /// The record's first property when it is a string (`S`) or a number (`I`, `L`, `Y`); nil otherwise.
    mutating func firstValue(of record: Record) throws -> FBXValue? {
        guard record.propertyCount > 0, record.propertiesLength > 0 else { return nil }
        var reader = ByteReader(try bytes(at: record.propertiesStart, count: min(record.propertiesLength, Self.maxPropertyBytes)))
        switch try reader.u8() {
        case UInt8(ascii: "S"):
            let length = Int(try reader.u32())
            guard length <= reader.remaining else {
                if length > record.propertiesLength { throw ParseFailure.corrupt("a string property is longer than its record") }
                return nil  // longer than the bytes read: no file name is that long
            }
            return .string(String(decoding: try reader.bytes(length), as: UTF8.self))
        case UInt8(ascii: "I"): return .integer(Int(try reader.i32()))
        case UInt8(ascii: "L"): return .integer(Int(try reader.i64()))
        case UInt8(ascii: "Y"): return .integer(Int(Int16(bitPattern: try reader.u16())))
        default: return nil
        }
    }

    private func field(_ reader: inout ByteReader) throws -> UInt64 {
        wide ? try reader.u64() : UInt64(try reader.u32())
    }

    /// Exactly `count` bytes at `offset`, through a block cache so a walk over many small records
    /// does not read the file a few bytes at a time.
    private mutating func bytes(at offset: Int, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        guard offset >= 0, offset <= source.size, count <= source.size - offset else { throw ParseFailure.endOfData }
        if offset < blockStart || offset + count > blockStart + block.count {
            block = try source.read(at: offset, count: max(count, Self.blockSize))
            blockStart = offset
            guard block.count >= count else { throw ParseFailure.endOfData }
        }
        return Array(block[offset - blockStart..<offset - blockStart + count])
    }
}

/// A property value the summary reads.
enum FBXValue: Equatable {
    case string(String)
    case integer(Int)

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var integer: Int? { if case .integer(let value) = self { value } else { nil } }
}
