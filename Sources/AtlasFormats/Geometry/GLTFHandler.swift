import AtlasCore
import Foundation

/// The glTF 2.0 handler, for both the JSON form (`.gltf`) and the binary container (`.glb`: a 12-byte
/// header, a JSON chunk, then usually a BIN chunk). It reads the JSON document with bounded size and
/// nesting, counts what the asset holds, takes the bounding box from the `min`/`max` the spec requires
/// on every POSITION accessor, and lists external buffers and images. `data:` URIs are embedded data, not files.
public struct GLTFHandler: FormatHandler {
    public let format: FileFormat

    /// `format` is `.gltf` or `.glb`; the same handler reads both.
    public init(format: FileFormat) {
        self.format = format
    }

    static let glbMagic: [UInt8] = Array("glTF".utf8)
    static let jsonChunk: UInt32 = 0x4E4F_534A  // "JSON", little-endian
    static let binChunk: UInt32 = 0x004E_4942  // "BIN\0"
    /// Deeper JSON nesting than this is refused before decoding: no glTF needs it, and a recursive
    /// decoder must not be handed `[[[[…` a million levels deep.
    static let maxNesting = 64

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        var issues: [FormatIssue] = []
        var metadata: [String: JSONValue] = [:]
        var binLength: Int?
        let json: [UInt8]
        do {
            if format == .glb {
                guard let container = try readContainer(source, limits: limits, issues: &issues, metadata: &metadata) else {
                    return FormatInspection(metadata: metadata, issues: issues)
                }
                json = container.json
                binLength = container.binLength
            } else {
                guard source.size <= limits.maxHeaderBytes else {
                    return .failed(.error(.limitExceeded,
                        "the glTF JSON is \(source.size) bytes, above the limit of \(limits.maxHeaderBytes)"))
                }
                json = try source.read(at: 0, count: source.size)
            }
        } catch {
            return .failed(ParseFailure.issue(for: error, truncated: .glbTruncated, what: "GLB container"))
        }
        let document: [String: JSONValue]
        do {
            document = try Self.decode(json)
        } catch {
            if case ParseFailure.corrupt(let message) = error {
                issues.append(.error(.gltfParseError, message))
            } else {
                issues.append(.error(.gltfParseError, "the JSON does not parse: \(String(describing: error).prefix(300))"))
            }
            return FormatInspection(metadata: metadata, issues: issues)
        }
        var references: [FileReference] = []
        GLTFSummary(document: document).describe(into: &metadata, issues: &issues, references: &references, binLength: binLength)
        return FormatInspection(metadata: metadata, issues: issues, references: references)
    }

    /// The JSON chunk's bytes and the BIN chunk's length, or nil when the container is too damaged to read.
    private func readContainer(_ source: ByteSource, limits: FormatLimits, issues: inout [FormatIssue],
                               metadata: inout [String: JSONValue]) throws -> (json: [UInt8], binLength: Int?)? {
        var header = ByteReader(try source.read(at: 0, count: 20))
        guard try header.bytes(4) == Self.glbMagic else { throw ParseFailure.corrupt("the glTF magic is missing") }
        let version = try header.u32()
        let declared = Int(try header.u32())
        metadata["glb_version"] = .int(version)
        metadata["glb_length"] = .int(declared)
        guard version == 2 else {
            issues.append(.error(.gltfUnsupportedVersion, "GLB container version \(version); only version 2 is read"))
            return nil
        }
        if declared > source.size {
            issues.append(.error(.glbTruncated, "the header declares \(declared) bytes but the file has \(source.size)"))
        } else if declared < source.size {
            issues.append(.warning(.headerCorrupt, "\(source.size - declared) bytes follow the declared end of the GLB"))
        }
        let end = min(declared, source.size)
        // Chunks: uint32 length, uint32 type, data. The first must be JSON.
        var offset = 12, chunks = 0
        var json: [UInt8]?, binLength: Int?
        var chunkTypes: [JSONValue] = []
        while offset + 8 <= end {
            chunks += 1
            guard chunks <= limits.maxStructures else { throw ParseFailure.limitExceeded("more than \(limits.maxStructures) GLB chunks") }
            var head = ByteReader(try source.read(at: offset, count: 8))
            let length = Int(try head.u32()), type = try head.u32()
            let name = type == Self.jsonChunk ? "JSON" : type == Self.binChunk ? "BIN" : String(format: "0x%08X", type)
            chunkTypes.append(.string(name))
            if chunks == 1, type != Self.jsonChunk {
                issues.append(.error(.gltfParseError, "the first chunk is \(name), not JSON"))
                return nil
            }
            let dataStart = offset + 8
            guard length <= end - dataStart else {
                issues.append(.error(.glbTruncated,
                    "chunk \(name) at byte \(offset) declares \(length) bytes, past the end of the file"))
                if type == Self.jsonChunk { return nil }
                break
            }
            if type == Self.jsonChunk, json == nil {
                guard length <= limits.maxHeaderBytes else {
                    issues.append(.error(.limitExceeded,
                        "the JSON chunk is \(length) bytes, above the limit of \(limits.maxHeaderBytes)"))
                    return nil
                }
                json = try source.read(at: dataStart, count: length)
            } else if type == Self.binChunk, binLength == nil {
                binLength = length
            }
            if length % 4 != 0 {
                issues.append(.warning(.headerCorrupt, "chunk \(name) is \(length) bytes, not a multiple of 4 as the spec requires"))
            }
            offset = dataStart + length
        }
        if offset < end {
            issues.append(.error(.glbTruncated, "the file ends inside a chunk header at byte \(offset)"))
        }
        metadata["glb_chunks"] = .array(chunkTypes)
        guard let json else {
            issues.append(.error(.glbTruncated, "the file has no JSON chunk"))
            return nil
        }
        return (json, binLength)
    }

    /// Decodes the top-level JSON object, refusing deep nesting first; throws `ParseFailure.corrupt` or the decoder's error.
    static func decode(_ bytes: [UInt8]) throws -> [String: JSONValue] {
        var depth = 0, inString = false, escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth > maxNesting {
                    throw ParseFailure.corrupt("the JSON nests deeper than \(maxNesting) levels")
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        guard case .object(let object) = value else { throw ParseFailure.corrupt("the JSON is not an object") }
        return object
    }
}
