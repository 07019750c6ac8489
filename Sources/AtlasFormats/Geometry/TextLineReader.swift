/// Reads a text file line by line through a block buffer, so an OBJ of several gigabytes is walked
/// without being loaded. A line longer than `maxLineLength` is cut there and marked, so a file with
/// no newlines at all costs bounded memory rather than one giant string.
struct TextLineReader {
    /// One line, without its terminator (`\n`, `\r\n` or a lone `\r`).
    struct Line {
        /// 1-based, as editors and error messages count.
        var number: Int
        var text: String
        /// True when the line was longer than the limit and `text` holds only its start.
        var overlong: Bool
        /// True when the line holds a NUL byte: binary data, not text.
        var hasNUL: Bool
    }

    static let blockSize = 256 << 10

    let source: ByteSource
    let maxLineLength: Int
    private var block: [UInt8] = []
    private var blockStart = 0
    private var position = 0
    private var lineNumber = 0

    init(source: ByteSource, maxLineLength: Int) {
        self.source = source
        self.maxLineLength = maxLineLength
    }

    /// The next line, or nil at the end of the file.
    mutating func next() throws -> Line? {
        guard position < source.size else { return nil }
        var bytes: [UInt8] = []
        var overlong = false, hasNUL = false
        while let byte = try nextByte() {
            if byte == 0x0A { break }
            if byte == 0x0D {
                // `\r\n` is one terminator; a lone `\r` (old Mac files) is one too.
                if let following = try peekByte(), following == 0x0A { position += 1 }
                break
            }
            if byte == 0 { hasNUL = true }
            if bytes.count < maxLineLength { bytes.append(byte) } else { overlong = true }
        }
        lineNumber += 1
        if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // UTF-8 byte order mark
        return Line(number: lineNumber, text: String(decoding: bytes, as: UTF8.self), overlong: overlong, hasNUL: hasNUL)
    }

    private mutating func fill() throws -> Bool {
        if position >= blockStart, position < blockStart + block.count { return true }
        guard position < source.size else { return false }
        block = try source.read(at: position, count: Self.blockSize)
        blockStart = position
        return !block.isEmpty
    }

    private mutating func nextByte() throws -> UInt8? {
        guard try fill() else { return nil }
        defer { position += 1 }
        return block[position - blockStart]
    }

    private mutating func peekByte() throws -> UInt8? {
        guard try fill() else { return nil }
        return block[position - blockStart]
    }
}
