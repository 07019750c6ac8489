import Foundation

/// What making a version's previews came to.
public enum PreviewOutcome: Sendable, Hashable {
    /// The images made, and a note when some kind could not be (a sequence whose contact sheet failed).
    case made([PreviewImage], note: String?)
    /// No tool here can make a preview of this content (a model without Blender, a text file).
    case unavailable(String)
    /// A tool tried and failed: a truncated or corrupt file, a tool that hung and was stopped.
    case failed(String)
}

/// One preview image written to disk.
public struct PreviewImage: Sendable, Hashable {
    public var kind: PreviewKind
    public var url: URL

    public init(kind: PreviewKind, url: URL) {
        self.kind = kind
        self.url = url
    }

    public var mediaType: String { kind.mediaType }
}
