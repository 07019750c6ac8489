/// A bounded pre-scan of USD text (`.usda`): layer metadata, prim specs and their types, composition
/// arcs, variant sets and every `@asset path@`. Not a USD implementation: nothing is composed or
/// opened, and attribute values are skipped except for the asset paths in them.
///
/// Every loop consumes a token and every token is counted against `maxTokens`, and brackets and prims
/// may nest at most `maxDepth` deep, so no input makes it hang or overflow the stack.
struct USDTextParser {
    private var tokenizer: USDTextTokenizer
    private var peeked: USDTextToken?
    let maxDepth: Int
    /// What has been found so far; still meaningful after `parse()` throws.
    private(set) var summary = USDLayerSummary()

    /// Keywords that open a prim spec.
    static let specifiers: Set<String> = ["def", "over", "class"]
    /// List-op keywords that may precede a metadata key.
    static let listOps: Set<String> = ["prepend", "append", "add", "delete", "reorder"]
    /// Extensions of image files, for telling a texture from other asset-valued attributes.
    static let imageExtensions: Set<String> = ["exr", "png", "jpg", "jpeg", "tif", "tiff", "tx", "tex", "hdr", "tga", "bmp",
                                               "ptex", "ptx", "rat", "psd", "ktx", "ktx2", "dds", "webp", "avif", "jxl", "gif"]
    /// The UsdLux properties that hold a light's texture (`texture:file` before UsdLux 21.05).
    static let lightTextureProperties: Set<String> = ["inputs:texture:file", "texture:file"]
    /// Kept value tokens per metadata value; beyond this a value is only scanned for asset paths.
    static let maxKeptAtoms = 100_000

    init(_ bytes: [UInt8], maxTokens: Int, maxDepth: Int) {
        tokenizer = USDTextTokenizer(bytes, maxTokens: maxTokens)
        self.maxDepth = maxDepth
    }

    /// Parses the whole layer; throws at the first malformed statement or exceeded bound.
    mutating func parse() throws {
        let bytes = tokenizer.bytes
        let magic = Array("#usda ".utf8)
        guard bytes.starts(with: magic) else {
            throw USDTextParseError.syntax("the layer does not start with '#usda 1.0'", line: 1)
        }
        let versionBytes = bytes.dropFirst(magic.count).prefix(32).prefix { $0 != 0x0A && $0 != 0x0D }
        summary.version = String(decoding: versionBytes, as: UTF8.self).trimmingSpaces()
        if let first = try peek(), first.isPunctuation("(") {
            _ = try take()
            try metadata(prim: nil, depth: 1)
        }
        try body(prim: "", depth: 0, closedByBrace: false, startLine: 1)
    }

    // MARK: Tokens

    private mutating func peek() throws -> USDTextToken? {
        if peeked == nil { peeked = try tokenizer.next() }
        return peeked
    }

    private mutating func take() throws -> USDTextToken? {
        if let token = peeked {
            peeked = nil
            return token
        }
        return try tokenizer.next()
    }

    /// The next token, which must exist: the text ending here means `what` (started on `line`) is cut off.
    private mutating func expect(_ what: String, line: Int) throws -> USDTextToken {
        guard let token = try take() else { throw USDTextParseError.endOfText(what, line: line) }
        return token
    }

    private func text(_ token: USDTextToken) -> String { tokenizer.text(token) }

    private func checkDepth(_ depth: Int, line: Int) throws {
        guard depth <= maxDepth else {
            throw USDTextParseError.limit("line \(line): prims or brackets nest more than \(maxDepth) deep")
        }
    }

    // MARK: Structure

    /// The statements of a prim (or, when `closedByBrace` is false, of the layer) up to its closing `}`.
    /// Properties are skipped token by token; only their asset paths are kept, plus what names the
    /// shading (`info:id` values, render-context outputs) and, on a light (`light` is its index in
    /// the summary), the texture it is lit by.
    private mutating func body(prim: String, depth: Int, closedByBrace: Bool, startLine: Int, light: Int? = nil) throws {
        var property: String?  // the last name seen: a property's, when `=` follows it
        var assigned: String?  // the property whose value is the next token
        while let token = try take() {
            let assigning = assigned
            assigned = nil
            switch token.kind {
            case .identifier:
                let word = text(token)
                if Self.specifiers.contains(word) {
                    try primSpec(specifier: word, parent: prim, depth: depth + 1, line: token.line)
                } else if word == "variantSet" {
                    try variantSet(prim: prim, depth: depth + 1, line: token.line)
                } else {
                    property = word
                    let name = word.split(separator: ".", maxSplits: 1).first.map(String.init) ?? word
                    if let renderer = ShadingRenderers.forMaterialOutput(name) { summary.renderers.insert(renderer) }
                }
            case .punctuation(let byte):
                switch byte {
                case UInt8(ascii: "}"):
                    guard closedByBrace else { throw USDTextParseError.syntax("a '}' closes nothing", line: token.line) }
                    return
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                    var unused: [USDTextToken] = []
                    try group(opening: byte, depth: depth + 1, line: token.line, keep: false, assetKind: nil, atoms: &unused)
                case UInt8(ascii: ")"), UInt8(ascii: "]"):
                    throw USDTextParseError.syntax("a '\(USDTextTokenizer.printable(byte))' closes nothing", line: token.line)
                case UInt8(ascii: "="):
                    assigned = property
                default:
                    break
                }
            case .assetPath:
                addAsset(token, kind: nil)
                if let light, let assigning, Self.lightTextureProperties.contains(assigning) {
                    summary.lightPrims[light].texture = text(token)
                }
            case .string:
                if assigning == "info:id" { summary.noteShaderID(text(token)) }
            case .scenePath, .number:
                break
            }
        }
        if closedByBrace { throw USDTextParseError.endOfText("the prim '\(prim)'", line: startLine) }
    }

    /// `def Type "name" (metadata) { body }`, after the specifier.
    private mutating func primSpec(specifier: String, parent: String, depth: Int, line: Int) throws {
        try checkDepth(depth, line: line)
        var token = try expect("a prim definition", line: line)
        var typeName: String?
        if token.kind == .identifier {
            typeName = text(token)
            token = try expect("a prim definition", line: line)
        }
        guard token.kind == .string else {
            throw USDTextParseError.syntax("'\(specifier)' is not followed by a quoted prim name", line: token.line)
        }
        let name = text(token)
        // Inside a variant the parent ends in its selection (`/World{look=red}`), which Sdf joins without a slash.
        let path = parent.hasSuffix("}") ? parent + name : parent + "/" + name
        summary.primCount += 1
        summary.specifiers[specifier, default: 0] += 1
        var light: Int?
        if let typeName {
            summary.primTypes[typeName, default: 0] += 1
            if USDLayerSummary.isLight(typeName) { light = summary.addLight(prim: path, type: typeName) }
        }
        summary.deepestPrim = max(summary.deepestPrim, depth)
        token = try expect("the prim '\(path)'", line: line)
        if token.isPunctuation("(") {
            try metadata(prim: path, depth: depth + 1)
            token = try expect("the prim '\(path)'", line: line)
        }
        guard token.isPunctuation("{") else {
            throw USDTextParseError.syntax("the prim '\(path)' has no '{' body", line: token.line)
        }
        try body(prim: path, depth: depth, closedByBrace: true, startLine: line, light: light)
    }

    /// `variantSet "name" = { "variant" (metadata) { body } … }`, after the keyword.
    private mutating func variantSet(prim: String, depth: Int, line: Int) throws {
        try checkDepth(depth, line: line)
        let nameToken = try expect("a variant set", line: line)
        guard nameToken.kind == .string else {
            throw USDTextParseError.syntax("'variantSet' is not followed by a quoted name", line: nameToken.line)
        }
        let setName = text(nameToken)
        let index = summary.variantSetIndex(prim: prim, name: setName)
        guard try expect("the variant set '\(setName)'", line: line).isPunctuation("="),
              try expect("the variant set '\(setName)'", line: line).isPunctuation("{") else {
            throw USDTextParseError.syntax("the variant set '\(setName)' is not followed by '= {'", line: line)
        }
        while true {
            var token = try expect("the variant set '\(setName)'", line: line)
            if token.isPunctuation("}") { return }
            guard token.kind == .string else {
                throw USDTextParseError.syntax("the variant set '\(setName)' holds something other than a quoted variant name",
                                               line: token.line)
            }
            let variant = text(token)
            if !summary.variantSets[index].variants.contains(variant) { summary.variantSets[index].variants.append(variant) }
            let variantPrim = "\(prim){\(setName)=\(variant)}"
            token = try expect("the variant '\(variant)'", line: token.line)
            if token.isPunctuation("(") {
                try metadata(prim: variantPrim, depth: depth + 1)
                token = try expect("the variant '\(variant)'", line: token.line)
            }
            guard token.isPunctuation("{") else {
                throw USDTextParseError.syntax("the variant '\(variant)' has no '{' body", line: token.line)
            }
            try body(prim: variantPrim, depth: depth + 1, closedByBrace: true, startLine: token.line)
        }
    }

    /// A metadata block after its `(`, up to its `)`: layer metadata when `prim` is nil, else a prim's
    /// (or a variant's) metadata with its composition arcs and variant sets.
    private mutating func metadata(prim: String?, depth: Int) throws {
        let startLine = (try? peek())??.line ?? 0
        try checkDepth(depth, line: startLine)
        while true {
            var token = try expect(prim == nil ? "the layer metadata" : "the metadata of '\(prim ?? "")'", line: startLine)
            if token.isPunctuation(")") { return }
            if token.isPunctuation(";") || token.kind == .string { continue }  // separators, and a leading doc string
            var listOp = "explicit"
            if token.kind == .identifier, Self.listOps.contains(text(token)) {
                listOp = text(token)
                token = try expect("a metadata entry", line: token.line)
            }
            guard token.kind == .identifier else {
                throw USDTextParseError.syntax("a metadata entry does not start with a name", line: token.line)
            }
            let key = text(token)
            guard let equals = try peek(), equals.isPunctuation("=") else { continue }  // a bare name, as some writers add
            _ = try take()
            try entry(key: key, listOp: listOp, prim: prim, depth: depth, line: token.line)
        }
    }

    /// The value of one metadata entry, interpreted when its key is one the summary reports.
    private mutating func entry(key: String, listOp: String, prim: String?, depth: Int, line: Int) throws {
        let assetKind: String? = switch (prim == nil, key) {
        case (true, "subLayers"): "sublayer"
        case (false, "references"): "reference"
        case (false, "payload"), (false, "payloads"): "payload"
        default: nil
        }
        let interpreted: Set<String> = prim == nil
            ? ["defaultPrim", "upAxis", "metersPerUnit", "startTimeCode", "endTimeCode", "timeCodesPerSecond",
               "framesPerSecond", "subLayers"]
            : ["references", "payload", "payloads", "variantSets", "variants"]
        let atoms = try value(depth: depth + 1, line: line, keep: interpreted.contains(key), assetKind: assetKind)
        guard let prim else {
            let first = atoms.first.map(text)
            switch key {
            case "defaultPrim": summary.defaultPrim = first
            case "upAxis": summary.upAxis = first
            case "metersPerUnit": summary.metersPerUnit = first.flatMap(Double.init)
            case "startTimeCode": summary.startTimeCode = first.flatMap(Double.init)
            case "endTimeCode": summary.endTimeCode = first.flatMap(Double.init)
            case "timeCodesPerSecond": summary.timeCodesPerSecond = first.flatMap(Double.init)
            case "framesPerSecond": summary.framesPerSecond = first.flatMap(Double.init)
            case "subLayers": summary.subLayers += atoms.filter { $0.kind == .assetPath }.map(text)
            default: break
            }
            return
        }
        switch key {
        case "references", "payload", "payloads":
            let arcName = key == "references" ? "reference" : "payload"
            var index = 0
            while index < atoms.count {
                let atom = atoms[index]
                if atom.kind == .assetPath {
                    var arc = USDLayerSummary.Arc(prim: prim, arc: arcName, listOp: listOp, asset: text(atom), target: nil)
                    if index + 1 < atoms.count, atoms[index + 1].kind == .scenePath {
                        arc.target = text(atoms[index + 1])
                        index += 1
                    }
                    summary.arcs.append(arc)
                } else if atom.kind == .scenePath {
                    summary.arcs.append(USDLayerSummary.Arc(prim: prim, arc: arcName, listOp: listOp, asset: nil,
                                                            target: text(atom)))
                }
                index += 1
            }
        case "variantSets":
            // Inside a variant, the set belongs to the variant's path (`/World{look=red}`), as in Sdf.
            for atom in atoms where atom.kind == .string {
                _ = summary.variantSetIndex(prim: prim, name: text(atom))
            }
        case "variants":
            // `{ string look = "red" }`: a type, a set name, `=` (not kept) and the selection.
            var index = 0
            while index + 2 < atoms.count {
                if atoms[index].kind == .identifier, atoms[index + 1].kind == .identifier, atoms[index + 2].kind == .string {
                    let set = summary.variantSetIndex(prim: prim, name: text(atoms[index + 1]))
                    summary.variantSets[set].selection = text(atoms[index + 2])
                    index += 3
                } else {
                    index += 1
                }
            }
        default:
            break
        }
    }

    /// One value: a single token, or a bracketed group scanned to its matching close. Asset paths are
    /// recorded as references of `assetKind` (or texture/asset by extension); `keep` returns the value's
    /// tokens (without punctuation) for the caller to interpret.
    private mutating func value(depth: Int, line: Int, keep: Bool, assetKind: String?) throws -> [USDTextToken] {
        var atoms: [USDTextToken] = []
        let token = try expect("a metadata value", line: line)
        switch token.kind {
        case .punctuation(let byte) where byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{"):
            try group(opening: byte, depth: depth, line: token.line, keep: keep, assetKind: assetKind, atoms: &atoms)
        case .punctuation(let byte):
            throw USDTextParseError.syntax("'=' is followed by '\(USDTextTokenizer.printable(byte))', not a value", line: token.line)
        case .assetPath:
            addAsset(token, kind: assetKind)
            atoms.append(token)
            // `@a.usda@</Target>` and `@a.usda@ (offset = 10)`: the target and layer offset belong to the value.
            if let next = try peek(), next.kind == .scenePath {
                atoms.append(try take()!)
            }
            if let next = try peek(), next.isPunctuation("(") {
                _ = try take()
                try group(opening: UInt8(ascii: "("), depth: depth, line: next.line, keep: false, assetKind: nil, atoms: &atoms)
            }
        default:
            atoms.append(token)
        }
        return keep ? atoms : []
    }

    /// Scans a bracketed group after its opening byte up to the matching close, iteratively (no recursion),
    /// recording asset paths and, when `keep`, collecting the non-punctuation tokens.
    private mutating func group(opening: UInt8, depth: Int, line: Int, keep: Bool, assetKind: String?,
                                atoms: inout [USDTextToken]) throws {
        var closers: [UInt8] = [Self.closer(of: opening)]
        while let expected = closers.last {
            try checkDepth(depth + closers.count - 1, line: line)
            guard let token = try take() else {
                throw USDTextParseError.endOfText("a '\(USDTextTokenizer.printable(opening))' group", line: line)
            }
            switch token.kind {
            case .punctuation(let byte):
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    closers.append(Self.closer(of: byte))
                } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    guard byte == expected else {
                        throw USDTextParseError.syntax(
                            "'\(USDTextTokenizer.printable(byte))' where '\(USDTextTokenizer.printable(expected))' was expected",
                            line: token.line)
                    }
                    closers.removeLast()
                }
            case .assetPath:
                addAsset(token, kind: assetKind)
                if keep, atoms.count < Self.maxKeptAtoms { atoms.append(token) }
            default:
                if keep, atoms.count < Self.maxKeptAtoms { atoms.append(token) }
            }
        }
    }

    private static func closer(of opening: UInt8) -> UInt8 {
        switch opening {
        case UInt8(ascii: "("): UInt8(ascii: ")")
        case UInt8(ascii: "["): UInt8(ascii: "]")
        default: UInt8(ascii: "}")
        }
    }

    private mutating func addAsset(_ token: USDTextToken, kind: String?) {
        let path = text(token)
        summary.addReference(path, kind: kind ?? Self.assetKind(of: path))
    }

    /// `texture` for image files and UDIM/UVTILE patterns, `asset` for anything else an attribute names.
    static func assetKind(of path: String) -> String {
        if path.contains("<UDIM>") || path.contains("<UVTILE>") { return "texture" }
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "asset" }
        return imageExtensions.contains(name[name.index(after: dot)...].lowercased()) ? "texture" : "asset"
    }
}

private extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
