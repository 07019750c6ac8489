import AtlasCore

/// The binary FBX handler: the version from the 27-byte header, then a bounded walk of the node
/// records for the creator, the objects by kind and the files textures and video clips name. A
/// record list that runs past the end of the file is `fbx_truncated`. Geometry counts come from
/// assimp, when it can read the file (Debian's 5.2.5 reads no binary FBX 7.5).
public struct FBXBinaryHandler: FormatHandler {
    public init() {}
    public var format: FileFormat { .fbxBinary }

    /// The objects whose children name files.
    static let objectKinds: Set<String> = ["Texture", "Video"]

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        var summary = FBXSummary(encoding: "binary")
        var issues: [FormatIssue] = []
        do {
            let version = try FBXBinaryRecords.version(of: source)
            summary.version = version
            var records = FBXBinaryRecords(source: source, version: version, maxRecords: limits.maxStructures)
            let end = try read(&records, into: &summary)
            if let missing = summary.missingSectionIssue {
                issues.append(missing)
            } else if try !Self.endsWithFooter(source, after: end) {
                issues.append(.warning(.fbxTruncated,
                    "the file does not end with the FBX footer after its last record: it may be cut short"))
            }
        } catch ParseFailure.corrupt(let message) {
            issues.append(.error(.fbxParseError, "corrupt FBX node records: \(message)"))
        } catch {
            issues.append(ParseFailure.issue(for: error, truncated: .fbxTruncated, what: "FBX node records"))
        }
        return FormatInspection(metadata: summary.metadata, issues: issues, references: summary.references)
    }

    /// The last 16 bytes of every FBX written by the FBX SDK, Blender or assimp.
    static let footerMagic: [UInt8] = [0xF8, 0x5A, 0x8C, 0x6A, 0xDE, 0xF5, 0xD9, 0x7E, 0xEC, 0xE9, 0x0C, 0xE3, 0x75, 0x8F, 0x29, 0x0B]

    /// Whether the file ends with the footer's magic, somewhere after the top-level records end.
    static func endsWithFooter(_ source: ByteSource, after end: Int) throws -> Bool {
        guard source.size - end >= footerMagic.count else { return false }
        return try source.read(at: source.size - footerMagic.count, count: footerMagic.count) == footerMagic
    }

    /// Reads the top-level records into `summary`; returns where the null record that ends them ends.
    private func read(_ records: inout FBXBinaryRecords, into summary: inout FBXSummary) throws -> Int {
        var offset = FBXBinaryRecords.headerLength
        while true {
            // The top-level list ends with a null record; the footer that follows is not records.
            guard offset < records.source.size else { throw ParseFailure.endOfData }
            guard let record = try records.record(at: offset, within: records.source.size) else {
                return offset + records.nullRecordLength
            }
            offset = record.end
            summary.sections.insert(record.name)
            switch record.name {
            case "FBXHeaderExtension":
                for child in try records.children(of: record) {
                    if child.name == "FBXVersion", let version = try records.firstValue(of: child)?.integer { summary.version = version }
                    if child.name == "Creator", let creator = try records.firstValue(of: child)?.string { summary.creator = creator }
                }
            case "Creator":
                if summary.creator == nil { summary.creator = try records.firstValue(of: record)?.string }
            case "Objects":
                for object in try records.children(of: record) {
                    summary.noteObject(object.name)
                    guard Self.objectKinds.contains(object.name) else { continue }
                    var file = FBXSummary.TextureFile(object: object.name)
                    for child in try records.children(of: object) {
                        if let field = FBXSummary.textureField(child.name) { file[keyPath: field] = try records.firstValue(of: child)?.string }
                    }
                    summary.noteTexture(file)
                }
            default:
                break
            }
        }
    }
}
