import AtlasCore
import Foundation

/// What `assimp info FILE` prints (post-processed: triangulated, split per material), read from its
/// text: the scene counts, the bounding box, material and mesh names and texture references.
struct AssimpSceneInfo: Sendable, Hashable {
    var counts: [String: Int] = [:]
    var minimum: [Double] = []
    var maximum: [Double] = []
    var materialNames: [String] = []
    var meshNames: [String] = []
    var textureReferences: [String] = []
    var primitiveTypes: String?

    /// The counted lines and the keys they are reported under.
    static let countLines: [(String, String)] = [
        ("Meshes:", "meshes"), ("Materials:", "materials"), ("Vertices:", "vertices"), ("Faces:", "faces"),
        ("Nodes:", "nodes"), ("Cameras:", "cameras"), ("Lights:", "lights"), ("Animations:", "animations"),
        ("Bones:", "bones"), ("Textures (embed.):", "embedded_textures"),
    ]
    static let listed = 1000

    private enum Section { case none, meshes, materials, textures }

    /// Parses the output; lines it does not know (progress, properties) are ignored.
    init(output: String) {
        var section = Section.none
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !line.hasPrefix(" "), !line.hasPrefix("\t") { section = .none }
            switch section {
            case .meshes:
                // `    0 (front): [4 / 0 / 2 | triangle]`
                if let open = trimmed.firstIndex(of: "("), let close = trimmed.range(of: "):")?.lowerBound, open < close,
                   meshNames.count < Self.listed {
                    meshNames.append(String(trimmed[trimmed.index(after: open)..<close]))
                }
                continue
            case .materials:
                // `    'red' (prop) [index / bytes | texture semantic]`; the properties below are indented further.
                if trimmed.hasPrefix("'"), let end = trimmed.dropFirst().firstIndex(of: "'"), materialNames.count < Self.listed {
                    materialNames.append(String(trimmed[trimmed.index(after: trimmed.startIndex)..<end]))
                }
                continue
            case .textures:
                if trimmed.hasPrefix("'"), trimmed.hasSuffix("'"), trimmed.count >= 2, textureReferences.count < Self.listed {
                    textureReferences.append(String(trimmed.dropFirst().dropLast()))
                }
                continue
            case .none:
                break
            }
            if trimmed.hasPrefix("Meshes:"), trimmed.contains("(name)") { section = .meshes; continue }
            if trimmed.hasPrefix("Named Materials:") { section = .materials; continue }
            if trimmed.hasPrefix("Texture Refs:") { section = .textures; continue }
            if trimmed.hasPrefix("Minimum point") { minimum = Self.point(trimmed) }
            if trimmed.hasPrefix("Maximum point") { maximum = Self.point(trimmed) }
            if trimmed.hasPrefix("Primitive Types:") {
                primitiveTypes = trimmed.dropFirst("Primitive Types:".count).trimmingCharacters(in: .whitespaces)
            }
            for (prefix, key) in Self.countLines where trimmed.hasPrefix(prefix) && counts[key] == nil {
                if let value = Int(trimmed.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)) { counts[key] = value }
            }
        }
    }

    /// `(-1.000000 -1.000000 2.500000)` → [-1, -1, 2.5].
    static func point(_ line: String) -> [Double] {
        guard let open = line.firstIndex(of: "("), let close = line.lastIndex(of: ")"), open < close else { return [] }
        let values = line[line.index(after: open)..<close].split(separator: " ").compactMap { Double($0) }
        return values.count == 3 ? values : []
    }

    /// Whether the output describes a scene at all (assimp printed its summary).
    var isEmpty: Bool { counts.isEmpty }

    var json: JSONValue {
        var object: [String: JSONValue] = counts.mapValues { .int($0) }
        object["bounding_box"] = minimum.isEmpty || maximum.isEmpty ? .null
            : .object(["min": .array(minimum.map(JSONValue.finite)), "max": .array(maximum.map(JSONValue.finite))])
        object["material_names"] = .array(materialNames.map(JSONValue.string))
        object["mesh_names"] = .array(meshNames.map(JSONValue.string))
        object["texture_refs"] = .array(textureReferences.map(JSONValue.string))
        object["primitive_types"] = primitiveTypes.map(JSONValue.string) ?? .null
        return .object(object)
    }
}
