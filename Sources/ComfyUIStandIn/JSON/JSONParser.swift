/// Reads JSON text as Python's `json.loads` does: keys keep their order (a repeated key keeps its
/// first place and its last value), whole numbers stay integers, and `NaN`/`Infinity` are accepted.
struct JSONParser {
    struct Failure: Error, Sendable {
        var offset: Int
        var reason: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    /// Python raises `RecursionError` on deeply nested input; a stand-in only needs a bound.
    private static let maxDepth = 512

    static func parse(_ text: some Collection<UInt8>) throws(Failure) -> JSON {
        var parser = JSONParser(bytes: Array(text))
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.fail("extra data") }
        return value
    }

    static func parse(_ text: String) throws(Failure) -> JSON { try parse(Array(text.utf8)) }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func fail(_ reason: String) -> Failure { Failure(offset: index, reason: reason) }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func value() throws(Failure) -> JSON {
        guard index < bytes.count else { throw fail("expecting value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try nested { (parser: inout JSONParser) throws(Failure) in try parser.object() }
        case UInt8(ascii: "["): return try nested { (parser: inout JSONParser) throws(Failure) in try parser.array() }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "N"): return try literal("NaN", .double(.nan))
        case UInt8(ascii: "I"): return try literal("Infinity", .double(.infinity))
        default: return try number()
        }
    }

    private mutating func nested(_ body: (inout JSONParser) throws(Failure) -> JSON) throws(Failure) -> JSON {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw fail("maximum nesting depth exceeded") }
        return try body(&self)
    }

    private mutating func literal(_ word: String, _ result: JSON) throws(Failure) -> JSON {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw fail("expecting value")
        }
        index += expected.count
        return result
    }

    private mutating func object() throws(Failure) -> JSON {
        index += 1
        var object = JSONObject()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw fail("expecting property name enclosed in double quotes")
            }
            let key = try string()
            skipWhitespace()
            try expect(":")
            skipWhitespace()
            object[key] = try value()
            skipWhitespace()
            if try separatorOrEnd("}") { return .object(object) }
        }
    }

    private mutating func array() throws(Failure) -> JSON {
        index += 1
        var items: [JSON] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            if try separatorOrEnd("]") { return .array(items) }
        }
    }

    /// Consumes a `,` (false) or the closing bracket (true).
    private mutating func separatorOrEnd(_ close: Character) throws(Failure) -> Bool {
        guard index < bytes.count else { throw fail("expecting ',' delimiter") }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            return false
        }
        try expect(close)
        return true
    }

    private mutating func expect(_ character: Character) throws(Failure) {
        guard index < bytes.count, bytes[index] == character.asciiValue else { throw fail("expecting '\(character)'") }
        index += 1
    }

    private mutating func number() throws(Failure) -> JSON {
        let start = index
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "I") { return try literal("Infinity", .double(-.infinity)) }
        }
        let integerStart = index
        consumeDigits()
        guard index > integerStart else { throw fail("expecting value") }
        // Python rejects leading zeros such as `01`: it reads `0` and then finds extra data.
        if bytes[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 { index = integerStart + 1 }
        var isFloat = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            let dot = index
            index += 1
            let fractionStart = index
            consumeDigits()
            if index == fractionStart { index = dot } else { isFloat = true }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            let mark = index
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let exponentStart = index
            consumeDigits()
            if index == exponentStart { index = mark } else { isFloat = true }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if !isFloat, let integer = Int(text) { return .int(integer) }
        return .double(Double(text) ?? (text.hasPrefix("-") ? -.infinity : .infinity))
    }

    private mutating func consumeDigits() {
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
    }

    private mutating func string() throws(Failure) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            run.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                flush()
                return String(scalars)
            }
            if byte < 0x20 { throw fail("invalid control character") }
            if byte == UInt8(ascii: "\\") {
                flush()
                scalars.append(try escape())
            } else {
                run.append(byte)
                index += 1
            }
        }
        throw fail("unterminated string")
    }

    private mutating func escape() throws(Failure) -> Unicode.Scalar {
        index += 1
        guard index < bytes.count else { throw fail("unterminated string") }
        let code = bytes[index]
        index += 1
        switch code {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): return try unicodeEscape()
        default: throw fail("invalid \\escape")
        }
    }

    private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
        let first = try hexQuad()
        if (0xD800..<0xDC00).contains(first), bytes.count - index >= 6,
           bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            let mark = index
            index += 2
            let second = try hexQuad()
            if (0xDC00..<0xE000).contains(second) {
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
            }
            index = mark
        }
        // A lone surrogate cannot live in a Swift string; Python keeps it, we substitute.
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }

    private mutating func hexQuad() throws(Failure) -> UInt32 {
        guard bytes.count - index >= 4,
              let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw fail("invalid \\uXXXX escape")
        }
        index += 4
        return value
    }
}
