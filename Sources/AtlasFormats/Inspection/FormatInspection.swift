import AtlasCore

/// What one format handler found in a file: an image summary when it is an image, format-specific
/// metadata (JSON, `snake_case` keys) and validation issues.
public struct FormatInspection: Sendable, Hashable {
    public var image: ImageSummary?
    public var metadata: [String: JSONValue]
    public var issues: [FormatIssue]

    public init(image: ImageSummary? = nil, metadata: [String: JSONValue] = [:], issues: [FormatIssue] = []) {
        self.image = image
        self.metadata = metadata
        self.issues = issues
    }

    /// An inspection that only reports issues.
    static func failed(_ issues: FormatIssue...) -> FormatInspection { FormatInspection(issues: issues) }
}
