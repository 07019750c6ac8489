import AtlasCore

/// The Wavefront MTL handler: the materials a library defines (`newmtl`) and the texture files their
/// map statements name. Map statements may carry options before the file name (`map_Bump -bm 0.5
/// bump.png`); they are parsed and skipped, and the rest of the line is the path, spaces included.
public struct MTLHandler: FormatHandler {
    public init() {}
    public var format: FileFormat { .mtl }

    /// Statements that name a texture file, lowercased, with the slot reported for each.
    /// The classic Alias|Wavefront maps, then the PBR extensions (`map_Pr`, `map_Pm`, `norm`, …).
    static let mapSlots: [String: String] = [
        "map_ka": "ambient", "map_kd": "diffuse", "map_ks": "specular", "map_ke": "emissive",
        "map_ns": "specular_exponent", "map_d": "opacity", "map_tr": "transparency",
        "map_bump": "bump", "bump": "bump", "disp": "displacement", "decal": "decal", "refl": "reflection",
        "map_refl": "reflection", "map_pr": "roughness", "map_pm": "metallic", "map_ps": "sheen",
        "norm": "normal", "map_norm": "normal", "map_ao": "occlusion",
    ]

    /// Map options and how many values follow each; `-o`, `-s` and `-t` take one to three numbers.
    static let optionArguments: [String: ClosedRange<Int>] = [
        "-blendu": 1...1, "-blendv": 1...1, "-bm": 1...1, "-boost": 1...1, "-cc": 1...1, "-clamp": 1...1,
        "-imfchan": 1...1, "-mm": 2...2, "-o": 1...3, "-s": 1...3, "-t": 1...3, "-texres": 1...1, "-type": 1...1,
    ]

    /// One material and the textures it names.
    struct Material {
        var name: String
        var textures: [(slot: String, path: String)] = []
    }

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        var materials: [Material] = []
        var materialCount = 0
        var references: [FileReference] = []
        var issues: [FormatIssue] = []
        var malformed = 0
        func report(_ line: Int, _ message: String) {
            malformed += 1
            if malformed <= OBJHandler.maxListedErrors { issues.append(.error(.mtlParseError, "line \(line): \(message)")) }
        }
        var reader = TextLineReader(source: source, maxLineLength: OBJHandler.maxLineLength)
        do {
            while let line = try reader.next() {
                if line.hasNUL { report(line.number, "holds a NUL byte: binary data, not MTL text"); continue }
                if line.overlong { report(line.number, "longer than \(OBJHandler.maxLineLength) bytes; skipped"); continue }
                let trimmed = line.text.trimmingWhitespace
                guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
                let keywordEnd = trimmed.firstIndex(where: \.isOBJWhitespace) ?? trimmed.endIndex
                let keyword = trimmed[..<keywordEnd].lowercased()
                let rest = trimmed[keywordEnd...].trimmingWhitespace
                if keyword == "newmtl" {
                    guard !rest.isEmpty else { report(line.number, "'newmtl' without a name"); continue }
                    materialCount += 1
                    if materials.count < OBJHandler.maxListedNames { materials.append(Material(name: String(rest))) }
                } else if let slot = Self.mapSlots[keyword] {
                    let (path, problems) = Self.mapPath(rest)
                    for problem in problems { report(line.number, problem) }
                    guard let path else { report(line.number, "'\(keyword)' names no file"); continue }
                    if materialCount == 0 { report(line.number, "'\(keyword)' before any 'newmtl'") }
                    if !materials.isEmpty, materials.count == materialCount, materials[materials.count - 1].textures.count < 100 {
                        materials[materials.count - 1].textures.append((slot, path))
                    }
                    if references.count < OBJHandler.maxListedNames {
                        references.append(FileReference(path: path, kind: "texture"))
                    }
                }
                // Colours and scalars (Kd, Ns, d, illum, Pr, …) are not reported; unknown statements are ignored, as readers do.
            }
        } catch {
            issues.append(ParseFailure.issue(for: error, truncated: .mtlParseError, what: "MTL text"))
        }
        if malformed > OBJHandler.maxListedErrors {
            issues.append(.error(.mtlParseError,
                "\(malformed - OBJHandler.maxListedErrors) more malformed lines are not listed (\(malformed) in all)"))
        }
        let metadata: [String: JSONValue] = [
            "material_count": .int(materialCount),
            "materials": .array(materials.map { material in
                .object([
                    "name": .string(material.name),
                    "textures": .array(material.textures.map { .object(["slot": .string($0.slot), "path": .string($0.path)]) }),
                ])
            }),
            "texture_count": .int(references.count),
            "malformed_lines": .int(malformed),
        ]
        return FormatInspection(metadata: metadata, issues: issues, references: references)
    }

    /// The file name of a map statement after its options, and what was wrong with the options.
    /// The path is the rest of the line from the first field that is not an option or an option's
    /// value, so a name with spaces stays whole.
    static func mapPath(_ rest: Substring) -> (path: String?, problems: [String]) {
        var problems: [String] = []
        var index = rest.startIndex
        func nextField() -> Range<Substring.Index>? {
            guard let start = rest[index...].firstIndex(where: { !$0.isOBJWhitespace }) else { return nil }
            let end = rest[start...].firstIndex(where: \.isOBJWhitespace) ?? rest.endIndex
            return start..<end
        }
        while let field = nextField() {
            let word = rest[field].lowercased()
            guard word.hasPrefix("-"), Double(word) == nil else {
                return (String(rest[field.lowerBound...]), problems)
            }
            index = field.upperBound
            guard let arguments = optionArguments[word] else {
                problems.append("unknown map option '\(word.prefix(40))'")
                continue
            }
            var taken = 0
            while taken < arguments.upperBound, let value = nextField() {
                // Past the required values, only numbers belong to the option (`-s 2 2` then the path).
                if taken >= arguments.lowerBound, Double(rest[value]) == nil { break }
                index = value.upperBound
                taken += 1
            }
            if taken < arguments.lowerBound { problems.append("map option '\(word)' lacks its values") }
        }
        return (nil, problems)
    }
}
