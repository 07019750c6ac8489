import AtlasCore

/// What an FBX file says natively, binary or text alike: its version and creator, how many objects
/// of each kind it holds (`Geometry`, `Model`, `Material`, `Texture`, `Video`, …) and the files its
/// textures and video clips name. Meshes, vertices and bounding boxes come from assimp.
struct FBXSummary: Sendable, Hashable {
    /// A `Texture` or `Video` object's file names: FBX writes the path relative to the file
    /// (`RelativeFilename`) and the absolute one on the author's machine (`FileName`/`Filename`).
    struct TextureFile: Sendable, Hashable {
        var object: String
        var relative: String?
        var absolute: String?

        /// The path to resolve: the relative one when written, since the absolute one names a machine.
        var path: String? {
            if let relative, !relative.isEmpty { return relative }
            if let absolute, !absolute.isEmpty { return absolute }
            return nil
        }
    }

    /// Object kinds and texture files listed (all are counted).
    static let listedObjectKinds = 200
    static let listedTextures = 1000

    var encoding: String
    var version: Int?
    var creator: String?
    var objectCounts: [String: Int] = [:]
    var textures: [TextureFile] = []
    var textureCount = 0
    /// The top-level sections seen (`FBXHeaderExtension`, `Objects`, `Connections`, …).
    var sections: Set<String> = []

    /// The sections every writer (the FBX SDK, Blender, assimp) puts in a file, `Connections` last
    /// but for `Takes`: a file without them is cut short, or not a scene at all.
    static let requiredSections = ["Objects", "Connections"]

    /// A warning when a required section is missing.
    var missingSectionIssue: FormatIssue? {
        let missing = Self.requiredSections.filter { !sections.contains($0) }
        guard !missing.isEmpty else { return nil }
        return .warning(.fbxTruncated, "the file has no \(missing.joined(separator: " or ")) section: it may be cut short")
    }

    init(encoding: String) { self.encoding = encoding }

    mutating func noteObject(_ kind: String) {
        if objectCounts[kind] != nil || objectCounts.count < Self.listedObjectKinds { objectCounts[kind, default: 0] += 1 }
    }

    mutating func noteTexture(_ file: TextureFile) {
        textureCount += 1
        if textures.count < Self.listedTextures { textures.append(file) }
    }

    /// Whether a `Texture`/`Video` child names a file, and which of the two names it is.
    static func textureField(_ name: String) -> WritableKeyPath<TextureFile, String?>? {
        switch name {
        case "RelativeFilename": \.relative
        case "FileName", "Filename": \.absolute
        default: nil
        }
    }

    /// Every texture path once, in the order found.
    var references: [FileReference] {
        var seen: Set<String> = []
        return textures.compactMap(\.path).filter { seen.insert($0).inserted }.map { FileReference(path: $0, kind: "texture") }
    }

    var metadata: [String: JSONValue] {
        [
            "fbx_encoding": .string(encoding),
            "fbx_version": version.map { .int($0) } ?? .null,
            "creator": creator.map(JSONValue.string) ?? .null,
            "object_counts": .object(objectCounts.mapValues { .int($0) }),
            "texture_count": .int(textureCount),
            "textures": .array(textures.map { texture in
                .object(["object": .string(texture.object), "relative_filename": texture.relative.map(JSONValue.string) ?? .null,
                         "filename": texture.absolute.map(JSONValue.string) ?? .null])
            }),
        ]
    }
}
