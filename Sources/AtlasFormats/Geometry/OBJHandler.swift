import AtlasCore

/// The Wavefront OBJ handler: one streaming pass over the lines, counting positions, texture
/// coordinates, normals and faces (and the triangles a fan triangulation makes), collecting object,
/// group and material names and the `mtllib` libraries, and growing the bounding box of the positions.
/// Malformed statements are reported with their line number; readers such as assimp refuse a file
/// whose face indices are out of range, so those are errors too.
public struct OBJHandler: FormatHandler {
    public init() {}
    public var format: FileFormat { .obj }

    /// Lines longer than this are reported and skipped: no real statement comes close, and a file
    /// without newlines must not become one giant string.
    static let maxLineLength = 64 << 10
    /// How many malformed lines are listed one by one; the rest are counted in one issue.
    static let maxListedErrors = 50
    /// How many distinct object, group and material names are listed.
    static let maxListedNames = 1000

    /// Counts and names gathered in the single pass.
    struct Tally {
        var positions = 0, texcoords = 0, normals = 0, parameterVertices = 0
        var faces = 0, triangles = 0, faceCorners = 0, lines = 0, points = 0
        var objects = BoundedNames(limit: OBJHandler.maxListedNames)
        var groups = BoundedNames(limit: OBJHandler.maxListedNames)
        var materials = BoundedNames(limit: OBJHandler.maxListedNames)
        var unknownKeywords = BoundedNames(limit: 50)
        var libraries: [FileReference] = []
        var bounds = BoundingBox()
        var malformedLines = 0
        var issues: [FormatIssue] = []

        mutating func malformed(_ line: Int, _ message: String) {
            malformedLines += 1
            if malformedLines <= OBJHandler.maxListedErrors {
                issues.append(.error(.objParseError, "line \(line): \(message)"))
            }
        }
    }

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        var tally = Tally()
        var reader = TextLineReader(source: source, maxLineLength: Self.maxLineLength)
        do {
            while let line = try reader.next() {
                if line.hasNUL {
                    tally.malformed(line.number, "holds a NUL byte: binary data, not OBJ text")
                } else if line.overlong {
                    tally.malformed(line.number, "longer than \(Self.maxLineLength) bytes; skipped")
                } else {
                    read(line.text, number: line.number, into: &tally)
                }
            }
        } catch {
            tally.issues.append(ParseFailure.issue(for: error, truncated: .objParseError, what: "OBJ text"))
        }
        if tally.malformedLines > Self.maxListedErrors {
            tally.issues.append(.error(.objParseError,
                "\(tally.malformedLines - Self.maxListedErrors) more malformed lines are not listed (\(tally.malformedLines) in all)"))
        }
        var metadata: [String: JSONValue] = [
            "vertices": .int(tally.positions),
            "texcoords": .int(tally.texcoords),
            "normals": .int(tally.normals),
            "faces": .int(tally.faces),
            "triangles": .int(tally.triangles),
            "face_corners": .int(tally.faceCorners),
            "lines": .int(tally.lines),
            "points": .int(tally.points),
            "objects": tally.objects.json,
            "groups": tally.groups.json,
            "materials_used": tally.materials.json,
            "material_libraries": .array(tally.libraries.map { .string($0.path) }),
            "bounding_box": tally.bounds.json,
            "malformed_lines": .int(tally.malformedLines),
        ]
        if tally.parameterVertices > 0 { metadata["parameter_vertices"] = .int(tally.parameterVertices) }
        if !tally.unknownKeywords.names.isEmpty { metadata["unknown_statements"] = tally.unknownKeywords.json }
        let cut = [("objects", tally.objects), ("groups", tally.groups), ("materials_used", tally.materials)]
            .filter { $0.1.overflowed }.map(\.0)
        if !cut.isEmpty { metadata["lists_truncated"] = .array(cut.map(JSONValue.string)) }
        return FormatInspection(metadata: metadata, issues: tally.issues, references: tally.libraries)
    }

    /// Reads one statement.
    func read(_ text: String, number: Int, into tally: inout Tally) {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
        let keywordEnd = trimmed.firstIndex(where: \.isOBJWhitespace) ?? trimmed.endIndex
        let keyword = trimmed[..<keywordEnd]
        // The rest of the line, for names that may hold spaces.
        let rest = trimmed[keywordEnd...].trimmingWhitespace
        let fields = rest.split(whereSeparator: \.isOBJWhitespace)
        switch keyword {
        case "v":
            // x y z, an optional w, or x y z r g b (vertex colours, a common extension).
            guard let values = numbers(fields), (3...7).contains(values.count) else {
                return tally.malformed(number, "'v' needs 3 to 7 finite numbers")
            }
            tally.positions += 1
            tally.bounds.include(values)
        case "vt":
            guard let values = numbers(fields), (1...3).contains(values.count) else {
                return tally.malformed(number, "'vt' needs 1 to 3 finite numbers")
            }
            tally.texcoords += 1
        case "vn":
            guard let values = numbers(fields), values.count == 3 else {
                return tally.malformed(number, "'vn' needs 3 finite numbers")
            }
            tally.normals += 1
        case "vp":
            tally.parameterVertices += 1
        case "f", "fo":
            guard fields.count >= 3 else { return tally.malformed(number, "a face needs at least 3 vertices") }
            for field in fields {
                if let problem = faceVertexProblem(field, tally: tally) { return tally.malformed(number, problem) }
            }
            tally.faces += 1
            tally.faceCorners += fields.count
            tally.triangles += fields.count - 2  // a fan over n corners makes n - 2 triangles
        case "l":
            guard fields.count >= 2 else { return tally.malformed(number, "a line needs at least 2 vertices") }
            tally.lines += 1
        case "p":
            guard !fields.isEmpty else { return tally.malformed(number, "a point statement needs a vertex") }
            tally.points += 1
        case "o":
            guard !rest.isEmpty else { return tally.malformed(number, "'o' without a name") }
            tally.objects.insert(String(rest))
        case "g":
            // One statement may put the following faces in several groups at once; no name is the default group.
            for name in fields { tally.groups.insert(String(name)) }
        case "usemtl":
            guard !rest.isEmpty else { return tally.malformed(number, "'usemtl' without a material name") }
            tally.materials.insert(String(rest))
        case "mtllib":
            guard !rest.isEmpty else { return tally.malformed(number, "'mtllib' without a file name") }
            for path in Self.libraryPaths(rest) where tally.libraries.count < Self.maxListedNames {
                tally.libraries.append(FileReference(path: path, kind: "material_library"))
            }
        case "s", "cstype", "deg", "bmat", "step", "curv", "curv2", "surf", "parm", "trim", "hole", "scrv", "sp",
             "end", "con", "mg", "lod", "usemap", "maplib", "shadow_obj", "trace_obj", "ctech", "stech", "bevel",
             "c_interp", "d_interp":
            break  // Valid statements that add nothing to what is reported.
        default:
            tally.unknownKeywords.insert(String(keyword.prefix(64)))
        }
    }

    /// The finite numbers in `fields`, or nil when one is not a finite number.
    private func numbers(_ fields: [Substring]) -> [Double]? {
        var values: [Double] = []
        for field in fields {
            guard let value = Double(field), value.isFinite else { return nil }
            values.append(value)
        }
        return values
    }

    /// Why one face vertex (`v`, `v/vt`, `v//vn`, `v/vt/vn`) is wrong, or nil when it is fine.
    /// Indices are 1-based; negative ones count back from the last element read so far.
    private func faceVertexProblem(_ field: Substring, tally: Tally) -> String? {
        let parts = field.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return "'\(field.prefix(40))' is not v, v/vt, v//vn or v/vt/vn" }
        let counts = [(tally.positions, "vertex"), (tally.texcoords, "texture coordinate"), (tally.normals, "normal")]
        for (slot, part) in parts.enumerated() {
            if part.isEmpty {
                if slot == 0 { return "'\(field.prefix(40))' has no vertex index" }
                continue
            }
            guard let index = Int(part), index != 0 else { return "'\(part.prefix(40))' is not a non-zero index" }
            let (count, name) = counts[slot]
            if index > count || -index > count {
                return "\(name) index \(index) is out of range (\(count) defined so far)"
            }
        }
        return nil
    }

    /// The library paths of a `mtllib` statement. Several libraries are separated by spaces, but a single
    /// name may hold spaces too: when every field names an `.mtl` file they are separate libraries,
    /// otherwise the whole rest of the line is one path.
    static func libraryPaths(_ rest: Substring) -> [String] {
        let fields = rest.split(whereSeparator: \.isOBJWhitespace)
        if fields.count > 1, fields.allSatisfy({ $0.lowercased().hasSuffix(".mtl") }) { return fields.map(String.init) }
        return [String(rest)]
    }
}
