/// Splits USD text into tokens on demand. Never reads outside its bytes, and stops with a
/// `USDTextParseError` at the first thing no usda file contains (an unclosed string, a stray byte).
struct USDTextTokenizer {
    let bytes: [UInt8]
    private(set) var offset: Int
    private(set) var line = 1
    /// How many tokens have been produced, checked against `maxTokens` so a huge layer is cut off, not crawled.
    private(set) var count = 0
    let maxTokens: Int

    init(_ bytes: [UInt8], offset: Int = 0, maxTokens: Int) {
        self.bytes = bytes
        self.offset = offset
        self.maxTokens = maxTokens
    }

    /// The text of a token's range (strings and paths are decoded as UTF-8, invalid bytes replaced).
    func text(_ token: USDTextToken) -> String {
        String(decoding: bytes[token.range], as: UTF8.self)
    }

    /// The next token, or nil at the end of the text.
    mutating func next() throws -> USDTextToken? {
        skipSpaceAndComments()
        guard offset < bytes.count else { return nil }
        count += 1
        guard count <= maxTokens else {
            throw USDTextParseError.limit("the layer has more than \(maxTokens) tokens")
        }
        let start = offset, startLine = line
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return try string(quote: byte)
        case UInt8(ascii: "@"):
            return try assetPath()
        case UInt8(ascii: "<"):
            // A scene path runs to the closing `>` on the same line.
            var end = offset + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: ">"), bytes[end] != 0x0A { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ">") else {
                throw USDTextParseError.syntax("a scene path '<…' is not closed", line: startLine)
            }
            offset = end + 1
            return USDTextToken(kind: .scenePath, range: start + 1..<end, line: startLine)
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: "="), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
            offset += 1
            return USDTextToken(kind: .punctuation(byte), range: start..<offset, line: startLine)
        default:
            if Self.isNumberStart(byte) {
                offset += 1
                while offset < bytes.count, Self.isNumberBody(bytes[offset]) { offset += 1 }
                return USDTextToken(kind: .number, range: start..<offset, line: startLine)
            }
            if Self.isIdentifierStart(byte) {
                offset += 1
                while offset < bytes.count, Self.isIdentifierBody(bytes[offset]) { offset += 1 }
                // `inputs:file` is one name; a trailing `:` (as in a `{ 1: … }` time sample key) is not part of it.
                while offset > start + 1, bytes[offset - 1] == UInt8(ascii: ":") { offset -= 1 }
                return USDTextToken(kind: .identifier, range: start..<offset, line: startLine)
            }
            throw USDTextParseError.syntax("unexpected byte 0x\(String(byte, radix: 16)) ('\(Self.printable(byte))')",
                                           line: startLine)
        }
    }

    private mutating func skipSpaceAndComments() {
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x0A {
                line += 1
                offset += 1
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                offset += 1
            } else if byte == UInt8(ascii: "#")
                        || (byte == UInt8(ascii: "/") && offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "/")) {
                while offset < bytes.count, bytes[offset] != 0x0A { offset += 1 }
            } else if byte == UInt8(ascii: "/"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "*") {
                offset += 2
                while offset < bytes.count,
                      !(bytes[offset] == UInt8(ascii: "*") && offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "/")) {
                    if bytes[offset] == 0x0A { line += 1 }
                    offset += 1
                }
                offset = min(offset + 2, bytes.count)
            } else {
                return
            }
        }
    }

    /// A quoted string; triple quotes may span lines, single ones may not.
    private mutating func string(quote: UInt8) throws -> USDTextToken {
        let startLine = line
        let triple = offset + 2 < bytes.count && bytes[offset + 1] == quote && bytes[offset + 2] == quote
        let delimiter = triple ? 3 : 1
        offset += delimiter
        let contentStart = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\\") {
                if offset + 1 < bytes.count, bytes[offset + 1] == 0x0A { line += 1 }
                offset += 2
                continue
            }
            if byte == 0x0A {
                guard triple else { throw USDTextParseError.syntax("a string is not closed on its line", line: startLine) }
                line += 1
            }
            if byte == quote, !triple || (offset + 2 < bytes.count && bytes[offset + 1] == quote && bytes[offset + 2] == quote) {
                let range = contentStart..<offset
                offset += delimiter
                return USDTextToken(kind: .string, range: range, line: startLine)
            }
            offset += 1
        }
        throw USDTextParseError.syntax("a string is not closed before the end of the file", line: startLine)
    }

    /// `@path@`, or `@@@path@@@` for paths that contain `@` (inside, `\@@@` escapes the delimiter).
    private mutating func assetPath() throws -> USDTextToken {
        let startLine = line
        let triple = offset + 2 < bytes.count && bytes[offset + 1] == UInt8(ascii: "@") && bytes[offset + 2] == UInt8(ascii: "@")
        let delimiter = triple ? 3 : 1
        offset += delimiter
        let contentStart = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x0A { break }
            if triple {
                if byte == UInt8(ascii: "\\"), offset + 3 < bytes.count, bytes[offset + 1...offset + 3].allSatisfy({ $0 == UInt8(ascii: "@") }) {
                    offset += 4
                    continue
                }
                if byte == UInt8(ascii: "@"), offset + 2 < bytes.count, bytes[offset + 1] == UInt8(ascii: "@"),
                   bytes[offset + 2] == UInt8(ascii: "@") {
                    // `@@@a@@@@` ends with the last three of a run of `@`.
                    var end = offset
                    while end + 3 < bytes.count, bytes[end + 3] == UInt8(ascii: "@") { end += 1 }
                    offset = end + 3
                    return USDTextToken(kind: .assetPath, range: contentStart..<end, line: startLine)
                }
            } else if byte == UInt8(ascii: "@") {
                offset += 1
                return USDTextToken(kind: .assetPath, range: contentStart..<offset - 1, line: startLine)
            }
            offset += 1
        }
        throw USDTextParseError.syntax("an asset path '@…' is not closed on its line", line: startLine)
    }

    static func isNumberStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".")
    }

    static func isNumberBody(_ byte: UInt8) -> Bool {
        isNumberStart(byte) || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80  // UTF-8 prim names
    }

    static func isIdentifierBody(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: ".")
    }

    static func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "?"
    }
}
