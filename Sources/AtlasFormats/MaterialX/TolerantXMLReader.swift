/// A small, bounded XML reader for MaterialX documents: elements with their attributes, nothing else.
///
/// Written for Atlas rather than built on Foundation's `XMLParser` because MaterialX writes `<UDIM>`
/// unescaped inside attribute values (`value="tex/disp.<UDIM>.exr"`), which is not well-formed XML:
/// on Linux, `XMLParser` (libxml2) cuts such a value at the `<`, reports a phantom `<UDIM>` element and
/// still returns true. Like MaterialX's own reader (pugixml), this reader takes an attribute value up
/// to its closing quote, `<` included. Comments, processing instructions and CDATA are skipped;
/// DOCTYPEs are refused (no MaterialX file has one, and entity expansion is how XML bombs work).
/// Every loop consumes input, nesting is capped, and so is the number of elements.
struct TolerantXMLReader {
    /// One thing the reader reports.
    enum Event: Equatable {
        case start(name: String, attributes: [Attribute], line: Int, selfClosing: Bool)
        case end(name: String, line: Int)
    }

    struct Attribute: Equatable {
        var name: String
        var value: String
    }

    /// Why reading stopped.
    enum Failure: Error, Equatable {
        case syntax(String, line: Int)
        case limit(String)

        var message: String {
            switch self {
            case .syntax(let message, let line): "line \(line): \(message)"
            case .limit(let message): message
            }
        }
    }

    static let maxNameLength = 1024
    static let maxAttributes = 1024

    private let bytes: [UInt8]
    private let maxDepth: Int
    private let maxElements: Int
    private var offset = 0
    private var line = 1
    private var open: [(name: String, line: Int)] = []
    private var elements = 0
    private var rootClosed = false
    private var pendingEnd: Event?

    init(_ bytes: [UInt8], maxDepth: Int, maxElements: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }  // UTF-8 byte order mark
    }

    /// The depth of the element most recently started (1 for the root).
    var depth: Int { open.count }

    /// The next start or end of an element; nil at the end of a well-formed document.
    mutating func next() throws(Failure) -> Event? {
        if let event = pendingEnd {
            pendingEnd = nil
            return event
        }
        while true {
            skipText()
            guard offset < bytes.count else {
                if let unclosed = open.last {
                    throw .syntax("the document ends inside <\(unclosed.name)>, opened on line \(unclosed.line)", line: line)
                }
                guard rootClosed else { throw .syntax("the document has no root element", line: line) }
                return nil
            }
            // At a '<'.
            if starts(with: "<?") {
                try skip(past: "?>", what: "a processing instruction")
            } else if starts(with: "<!--") {
                try skip(past: "-->", what: "a comment")
            } else if starts(with: "<![CDATA[") {
                try skip(past: "]]>", what: "a CDATA section")
            } else if starts(with: "<!") {
                throw .syntax("a DOCTYPE or other '<!' declaration is not allowed in MaterialX", line: line)
            } else if starts(with: "</") {
                return try endTag()
            } else {
                return try startTag()
            }
        }
    }

    // MARK: Tags

    private mutating func startTag() throws(Failure) -> Event {
        let startLine = line
        offset += 1
        let name = try self.name(what: "an element name")
        guard !rootClosed || !open.isEmpty else {
            throw .syntax("<\(name)> follows the root element; a document has one root", line: startLine)
        }
        elements += 1
        guard elements <= maxElements else { throw .limit("the document has more than \(maxElements) elements") }
        var attributes: [Attribute] = []
        while true {
            skipSpace()
            guard offset < bytes.count else { throw .syntax("the tag <\(name)> is not closed", line: startLine) }
            if starts(with: "/>") {
                offset += 2
                guard open.count < maxDepth else { throw .limit("line \(startLine): elements nest more than \(maxDepth) deep") }
                if open.isEmpty { rootClosed = true }
                pendingEnd = .end(name: name, line: startLine)
                return .start(name: name, attributes: attributes, line: startLine, selfClosing: true)
            }
            if bytes[offset] == UInt8(ascii: ">") {
                offset += 1
                guard open.count < maxDepth else { throw .limit("line \(startLine): elements nest more than \(maxDepth) deep") }
                open.append((name, startLine))
                return .start(name: name, attributes: attributes, line: startLine, selfClosing: false)
            }
            let attribute = try self.attribute(in: name)
            guard attributes.count < Self.maxAttributes else {
                throw .limit("line \(startLine): <\(name)> has more than \(Self.maxAttributes) attributes")
            }
            // A repeated attribute keeps its first value, as readers that tolerate it do.
            if !attributes.contains(where: { $0.name == attribute.name }) { attributes.append(attribute) }
        }
    }

    private mutating func endTag() throws(Failure) -> Event {
        let startLine = line
        offset += 2
        let name = try self.name(what: "a closing tag's name")
        skipSpace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ">") else {
            throw .syntax("the closing tag </\(name)> is not closed", line: startLine)
        }
        offset += 1
        guard let top = open.popLast() else { throw .syntax("</\(name)> closes nothing", line: startLine) }
        guard top.name == name else {
            throw .syntax("</\(name)> closes <\(top.name)>, opened on line \(top.line)", line: startLine)
        }
        if open.isEmpty { rootClosed = true }
        return .end(name: name, line: startLine)
    }

    /// `name = "value"` (or single quotes); the value runs to its closing quote, `<` included.
    private mutating func attribute(in element: String) throws(Failure) -> Attribute {
        let startLine = line
        let name = try self.name(what: "an attribute name in <\(element)>")
        skipSpace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "=") else {
            throw .syntax("the attribute '\(name)' in <\(element)> has no '='", line: startLine)
        }
        offset += 1
        skipSpace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") else {
            throw .syntax("the attribute '\(name)' in <\(element)> has no quoted value", line: startLine)
        }
        let quote = bytes[offset]
        offset += 1
        let start = offset
        while offset < bytes.count, bytes[offset] != quote {
            if bytes[offset] == 0x0A { line += 1 }
            offset += 1
        }
        guard offset < bytes.count else {
            throw .syntax("the value of '\(name)' in <\(element)> is not closed", line: startLine)
        }
        let value = Self.decodeEntities(bytes[start..<offset])
        offset += 1
        return Attribute(name: name, value: value)
    }

    /// An element or attribute name: the bytes up to a space, `=`, `/`, `>` or `<`.
    private mutating func name(what: String) throws(Failure) -> String {
        let start = offset
        while offset < bytes.count, offset - start <= Self.maxNameLength {
            let byte = bytes[offset]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0 { break }
            offset += 1
        }
        guard offset > start else { throw .syntax("\(what) is missing", line: line) }
        guard offset - start <= Self.maxNameLength else {
            throw .syntax("\(what) is longer than \(Self.maxNameLength) bytes", line: line)
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    // MARK: Skipping

    /// Text between tags (MaterialX keeps nothing there): up to the next `<`.
    private mutating func skipText() {
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "<") {
            if bytes[offset] == 0x0A { line += 1 }
            offset += 1
        }
    }

    private mutating func skipSpace() {
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 || bytes[offset] == 0x0A || bytes[offset] == 0x0D {
            if bytes[offset] == 0x0A { line += 1 }
            offset += 1
        }
    }

    private mutating func skip(past terminator: String, what: String) throws(Failure) {
        let startLine = line
        let end = Array(terminator.utf8)
        while offset < bytes.count {
            if bytes[offset] == end[0], bytes[offset...].starts(with: end) {
                offset += end.count
                return
            }
            if bytes[offset] == 0x0A { line += 1 }
            offset += 1
        }
        throw .syntax("\(what) is not closed", line: startLine)
    }

    private func starts(with text: String) -> Bool {
        bytes[offset...].starts(with: text.utf8)
    }

    // MARK: Entities

    /// The five predefined entities and character references; anything else is kept as written.
    static func decodeEntities(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            guard byte == UInt8(ascii: "&"),
                  let semicolon = raw[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")),
                  let decoded = entity(String(decoding: raw[raw.index(after: index)..<semicolon], as: UTF8.self)) else {
                out.append(byte)
                index += 1
                continue
            }
            out += Array(decoded.utf8)
            index = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func entity(_ name: String) -> String? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let scalar: UInt32?
            if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16) }
            else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst(), radix: 10) }
            else { scalar = nil }
            return scalar.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
