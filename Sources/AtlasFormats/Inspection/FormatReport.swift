import AtlasCore

/// Everything Atlas learned about one file from its bytes: the format, an image summary, metadata
/// and validation issues. This is what ingest stores on a version.
public struct FormatReport: Sendable, Hashable {
    public var fileName: String
    public var fileSize: Int
    /// The format detected from the content; nil when nothing matched.
    public var format: FileFormat?
    public var image: ImageSummary?
    /// Format-specific metadata (`snake_case` keys), ready to store as `JSONValue`.
    public var metadata: [String: JSONValue]
    public var issues: [FormatIssue]
    /// Files this file names (textures, layers, libraries).
    public var references: [FileReference] = []

    public init(fileName: String, fileSize: Int, format: FileFormat?, image: ImageSummary? = nil,
                metadata: [String: JSONValue] = [:], issues: [FormatIssue] = []) {
        self.fileName = fileName
        self.fileSize = fileSize
        self.format = format
        self.image = image
        self.metadata = metadata
        self.issues = issues
    }

    public var category: FormatCategory? { format?.category }
    public var hasErrors: Bool { issues.contains { $0.severity == .error } }

    /// Whether an issue with this code was reported.
    public func has(_ code: FormatIssueCode) -> Bool { issues.contains { $0.code == code } }

    /// The renderers the content is written for (`metadata["renderers"]`: `arnold`, `redshift`, `mtlx`, …).
    public var renderers: [String] {
        guard case .array(let names)? = metadata["renderers"] else { return [] }
        return names.compactMap { if case .string(let name) = $0 { name } else { nil } }
    }

    /// Tags the content suggests for its asset: `renderer:<name>` for each renderer its shading is
    /// written for, and `light_rig` when it is a lat-long HDRI or a USD layer of lights.
    public var suggestedTags: [String] {
        var tags = renderers.map { "renderer:\($0)" }
        if let rig = metadata["light_rig"], rig != .null { tags.append("light_rig") }
        return tags
    }

    /// The whole report as one JSON object, as stored on a version.
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "file_name": .string(fileName),
            "file_size": .number(Double(fileSize)),
            "format": format.map { .string($0.rawValue) } ?? .null,
            "category": category.map { .string($0.rawValue) } ?? .null,
            "metadata": .object(metadata),
            "issues": .array(issues.map(\.json)),
            "references": .array(references.map(\.json)),
            "suggested_tags": .array(suggestedTags.map(JSONValue.string)),
        ]
        if let image { object["image"] = .object(image.metadata) }
        return .object(object)
    }
}
