import AtlasCore
import Foundation

/// What a decoded glTF 2.0 document holds: the counts, the bounding box from POSITION accessors,
/// and the external files it names. Reads the JSON leniently: a missing or ill-typed array counts as
/// empty and is reported, so one bad field does not hide the rest.
struct GLTFSummary {
    let document: [String: JSONValue]

    /// How many external buffers and images are listed, at most.
    static let maxReferences = 1000

    func describe(into metadata: inout [String: JSONValue], issues: inout [FormatIssue],
                  references: inout [FileReference], binLength: Int?) {
        func array(_ key: String) -> [JSONValue] {
            switch document[key] {
            case nil: return []
            case .array(let values)?: return values
            default:
                issues.append(.error(.gltfParseError, "'\(key)' is not an array"))
                return []
            }
        }
        // asset.version is required; 1.0 files have a different schema altogether.
        if case .object(let asset)? = document["asset"] {
            let version = asset["version"].flatMap(Self.string)
            metadata["gltf_version"] = version.map(JSONValue.string) ?? .null
            metadata["generator"] = asset["generator"].flatMap(Self.string).map(JSONValue.string) ?? .null
            metadata["min_version"] = asset["minVersion"].flatMap(Self.string).map(JSONValue.string) ?? .null
            if let version {
                if !version.hasPrefix("2.") {
                    issues.append(.error(.gltfUnsupportedVersion, "asset.version is \(version); only glTF 2.x is read"))
                }
            } else {
                issues.append(.error(.gltfParseError, "asset.version is missing"))
            }
        } else {
            issues.append(.error(.gltfParseError, "the required 'asset' object is missing"))
        }
        metadata["extensions_used"] = .array(array("extensionsUsed").compactMap(Self.string).map(JSONValue.string))
        metadata["extensions_required"] = .array(array("extensionsRequired").compactMap(Self.string).map(JSONValue.string))

        let accessors = array("accessors"), meshes = array("meshes")
        for key in ["scenes", "nodes", "meshes", "materials", "textures", "images", "animations", "skins",
                    "accessors", "buffers", "cameras"] {
            metadata[key] = .int(array(key).count)
        }

        var primitives = 0, vertices = 0, triangles = 0
        var bounds = BoundingBox()
        var materialsUsed = Set<Int>()
        var badAccessors = 0
        func accessor(_ value: JSONValue?) -> [String: JSONValue]? {
            guard let index = value.flatMap(Self.int), accessors.indices.contains(index),
                  case .object(let object) = accessors[index] else { return nil }
            return object
        }
        for mesh in meshes {
            guard case .object(let meshObject) = mesh, case .array(let list)? = meshObject["primitives"] else { continue }
            for primitive in list {
                guard case .object(let object) = primitive else { continue }
                primitives += 1
                if let material = object["material"].flatMap(Self.int) { materialsUsed.insert(material) }
                guard case .object(let attributes)? = object["attributes"], let position = attributes["POSITION"] else { continue }
                guard let positions = accessor(position), let count = positions["count"].flatMap(Self.int), count >= 0 else {
                    badAccessors += 1
                    continue
                }
                vertices = Self.add(vertices, count)
                if let minimum = Self.numbers(positions["min"]), let maximum = Self.numbers(positions["max"]),
                   minimum.count == 3, maximum.count == 3 {
                    bounds.include(minimum)
                    bounds.include(maximum)
                }
                // Mode 4 (triangles) is the default; strips and fans make n - 2.
                let corners = object["indices"].map { accessor($0)?["count"].flatMap(Self.int) ?? 0 } ?? count
                switch object["mode"].flatMap(Self.int) ?? 4 {
                case 4: triangles = Self.add(triangles, corners / 3)
                case 5, 6: triangles = Self.add(triangles, max(0, corners - 2))
                default: break
                }
            }
        }
        if badAccessors > 0 {
            issues.append(.error(.gltfParseError,
                "\(badAccessors) primitive(s) name a POSITION accessor that is missing or has no count"))
        }
        metadata["primitives"] = .int(primitives)
        metadata["vertices"] = .int(vertices)
        metadata["triangles"] = .int(triangles)
        metadata["materials_used"] = .int(materialsUsed.count)
        metadata["bounding_box"] = bounds.json

        var embedded = 0
        for (index, buffer) in array("buffers").enumerated() {
            guard case .object(let object) = buffer else { continue }
            if let uri = object["uri"].flatMap(Self.string) {
                if uri.lowercased().hasPrefix("data:") {
                    embedded += 1
                } else if references.count < Self.maxReferences {
                    references.append(FileReference(path: Self.path(uri), kind: "buffer"))
                }
            } else if index == 0, let binLength {
                // A GLB's first buffer without a URI is its BIN chunk, which must be long enough.
                let declared = object["byteLength"].flatMap(Self.int) ?? 0
                if declared > binLength {
                    issues.append(.error(.glbTruncated,
                        "buffer 0 declares \(declared) bytes but the BIN chunk holds \(binLength)"))
                }
            } else if index == 0, metadata["glb_version"] != nil {
                issues.append(.error(.glbTruncated, "buffer 0 has no URI and the file has no BIN chunk"))
            }
        }
        var embeddedImages = 0
        for image in array("images") {
            guard case .object(let object) = image else { continue }
            if let uri = object["uri"].flatMap(Self.string) {
                if uri.lowercased().hasPrefix("data:") {
                    embeddedImages += 1
                } else if references.count < Self.maxReferences {
                    references.append(FileReference(path: Self.path(uri), kind: "image"))
                }
            } else {
                embeddedImages += 1  // held in a buffer view
            }
        }
        metadata["embedded_buffers"] = .int(embedded)
        metadata["embedded_images"] = .int(embeddedImages)
    }

    /// A URI as a path: glTF URIs are percent-encoded, and `%2e%2e/` must be seen as the `../` it is.
    static func path(_ uri: String) -> String {
        uri.removingPercentEncoding ?? uri
    }

    /// A sum that stops at Int.max: counts come from the file and may be absurd, and must not trap.
    static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    static func string(_ value: JSONValue) -> String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// A non-negative whole number that fits an Int, or nil.
    static func int(_ value: JSONValue) -> Int? {
        guard case .number(let number) = value, number >= 0, number < 0x1p53, number.rounded() == number else { return nil }
        return Int(number)
    }

    /// An array of finite numbers, or nil.
    static func numbers(_ value: JSONValue?) -> [Double]? {
        guard case .array(let values)? = value else { return nil }
        var result: [Double] = []
        for value in values {
            guard case .number(let number) = value, number.isFinite else { return nil }
            result.append(number)
        }
        return result
    }
}
