/// A cursor over a byte buffer in which every read is bounds-checked, so a lying length field
/// ends in `ParseFailure.endOfData` instead of a crash.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int
    var bigEndian: Bool

    init(_ bytes: [UInt8], offset: Int = 0, bigEndian: Bool = false) {
        self.bytes = bytes
        self.offset = offset
        self.bigEndian = bigEndian
    }

    var remaining: Int { max(0, bytes.count - offset) }
    var isAtEnd: Bool { offset >= bytes.count }

    mutating func seek(to position: Int) throws {
        guard position >= 0, position <= bytes.count else { throw ParseFailure.endOfData }
        offset = position
    }

    mutating func skip(_ count: Int) throws {
        guard count >= 0, count <= remaining else { throw ParseFailure.endOfData }
        offset += count
    }

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard count >= 0, count <= remaining else { throw ParseFailure.endOfData }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    func peek(_ count: Int) -> [UInt8] {
        Array(bytes[offset..<offset + min(count, remaining)])
    }

    mutating func u8() throws -> UInt8 {
        guard remaining >= 1 else { throw ParseFailure.endOfData }
        defer { offset += 1 }
        return bytes[offset]
    }

    private mutating func unsigned(_ width: Int) throws -> UInt64 {
        guard remaining >= width else { throw ParseFailure.endOfData }
        var value: UInt64 = 0
        for index in 0..<width {
            let byte = UInt64(bytes[offset + (bigEndian ? index : width - 1 - index)])
            value = value << 8 | byte
        }
        offset += width
        return value
    }

    mutating func u16() throws -> UInt16 { UInt16(try unsigned(2)) }
    mutating func u32() throws -> UInt32 { UInt32(try unsigned(4)) }
    mutating func u64() throws -> UInt64 { try unsigned(8) }
    mutating func i32() throws -> Int32 { Int32(bitPattern: try u32()) }
    mutating func i64() throws -> Int64 { Int64(bitPattern: try u64()) }
    mutating func f32() throws -> Float { Float(bitPattern: try u32()) }
    mutating func f64() throws -> Double { Double(bitPattern: try u64()) }

    /// A NUL-terminated string of at most `maxLength` bytes before the NUL.
    mutating func cString(maxLength: Int) throws -> String {
        var end = offset
        while true {
            guard end < bytes.count else { throw ParseFailure.endOfData }
            if bytes[end] == 0 { break }
            guard end - offset < maxLength else {
                throw ParseFailure.corrupt("a name is longer than \(maxLength) bytes")
            }
            end += 1
        }
        defer { offset = end + 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }
}
