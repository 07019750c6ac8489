import AtlasCore

/// What one format handler found in a file: an image summary when it is an image, format-specific
/// metadata (JSON, `snake_case` keys) and validation issues.
public struct FormatInspection: Sendable, Hashable {
    public var image: ImageSummary?
    public var metadata: [String: JSONValue]
    public var issues: [FormatIssue]
    /// Files this file names (textures, layers, libraries), in the order found.
    public var references: [FileReference]

    public init(image: ImageSummary? = nil, metadata: [String: JSONValue] = [:], issues: [FormatIssue] = [],
                references: [FileReference] = []) {
        self.image = image
        self.metadata = metadata
        self.issues = issues
        self.references = references
    }

    /// An inspection that only reports issues.
    static func failed(_ issues: FormatIssue...) -> FormatInspection { FormatInspection(issues: issues) }
}
