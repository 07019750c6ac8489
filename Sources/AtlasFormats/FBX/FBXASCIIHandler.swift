import AtlasCore

/// The ASCII FBX handler: one streaming pass over the lines, following the `Name: values {` … `}`
/// blocks, for the version (`FBXVersion`, or the `; FBX 7.5.0 project file` comment), the creator,
/// the objects by kind and the files `Texture` and `Video` objects name. Lines longer than the limit
/// are vertex and index arrays and are skipped. Text that ends inside a block is `fbx_truncated`.
public struct FBXASCIIHandler: FormatHandler {
    public init() {}
    public var format: FileFormat { .fbxASCII }

    static let maxLineLength = 64 << 10

    /// One open block: its name and the line it opened on.
    private struct Block {
        var name: String
        var line: Int
    }

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        var summary = FBXSummary(encoding: "ascii")
        var issues: [FormatIssue] = []
        var stack: [Block] = []
        var texture: FBXSummary.TextureFile?
        var reader = TextLineReader(source: source, maxLineLength: Self.maxLineLength)
        do {
            lines: while let line = try reader.next() {
                guard !line.hasNUL else {
                    issues.append(.error(.fbxParseError, "line \(line.number): holds a NUL byte: binary data, not FBX text"))
                    break
                }
                let text = line.text.trimmingFBXSpaces()
                if text.hasPrefix(";") {
                    if line.number == 1, summary.version == nil { summary.version = Self.version(fromComment: text) }
                    continue
                }
                guard !line.overlong, !text.isEmpty else { continue }
                let key = Self.key(of: text)
                if let key {
                    read(key: key, text: text, in: stack.map(\.name), summary: &summary, texture: &texture)
                }
                for brace in Self.braces(in: text) {
                    if brace == UInt8(ascii: "{") {
                        guard stack.count < limits.maxNestingDepth else {
                            issues.append(.error(.limitExceeded, "line \(line.number): blocks nest more than \(limits.maxNestingDepth) deep"))
                            break lines
                        }
                        let name = key ?? ""
                        if stack.isEmpty { summary.sections.insert(name) }
                        if stack.map(\.name) == ["Objects"] {
                            summary.noteObject(name)
                            if FBXBinaryHandler.objectKinds.contains(name) { texture = FBXSummary.TextureFile(object: name) }
                        }
                        stack.append(Block(name: name, line: line.number))
                    } else {
                        guard stack.popLast() != nil else {
                            issues.append(.error(.fbxParseError, "line \(line.number): a '}' closes nothing"))
                            break lines
                        }
                        if stack.count == 1, let finished = texture {
                            summary.noteTexture(finished)
                            texture = nil
                        }
                    }
                }
            }
        } catch {
            issues.append(ParseFailure.issue(for: error, truncated: .fbxTruncated, what: "FBX text"))
        }
        if issues.isEmpty, let open = stack.last {
            issues.append(.error(.fbxTruncated, "the text ends inside '\(open.name)', opened on line \(open.line)"))
        } else if issues.isEmpty, let missing = summary.missingSectionIssue {
            issues.append(missing)
        }
        return FormatInspection(metadata: summary.metadata, issues: issues, references: summary.references)
    }

    /// Interprets the `key: value` line at block path `path`.
    private func read(key: String, text: String, in path: [String], summary: inout FBXSummary,
                      texture: inout FBXSummary.TextureFile?) {
        switch (path, key) {
        case (["FBXHeaderExtension"], "FBXVersion"):
            summary.version = Int(String(text.dropFirst(key.count + 1)).trimmingFBXSpaces()) ?? summary.version
        case (["FBXHeaderExtension"], "Creator"):
            summary.creator = Self.firstQuoted(text) ?? summary.creator
        case ([], "Creator"):
            if summary.creator == nil { summary.creator = Self.firstQuoted(text) }
        default:
            if path.count == 2, path[0] == "Objects", texture != nil, let field = FBXSummary.textureField(key) {
                texture?[keyPath: field] = Self.firstQuoted(text)
            }
        }
    }

    /// `Name` in `Name: …`, when the line starts with a name and a colon.
    static func key(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = text[..<colon]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "|" || $0 == "." }) else { return nil }
        return String(name)
    }

    /// The braces outside quoted strings, in order.
    static func braces(in text: String) -> [UInt8] {
        var found: [UInt8] = []
        var quoted = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") { found.append(byte) }
        }
        return found
    }

    /// The first `"…"` value on the line.
    static func firstQuoted(_ text: String) -> String? {
        guard let open = text.firstIndex(of: "\"") else { return nil }
        let rest = text[text.index(after: open)...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }

    /// `7500` from `; FBX 7.5.0 project file`.
    static func version(fromComment text: String) -> Int? {
        guard let number = text.split(separator: " ").dropFirst(2).first else { return nil }
        let parts = number.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 3, parts.allSatisfy({ (0..<10).contains($0) }) else { return nil }
        return parts[0] * 1000 + parts[1] * 100 + parts[2] * 10
    }
}

private extension String {
    func trimmingFBXSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
