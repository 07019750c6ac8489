/// One result of a tool: the save or preview node that produces it, and what it is.
///
/// JSON: `{"name": "result", "node": "3", "type": "image", "title": "Inverted plate"}`.
public struct AIToolOutput: Sendable, Equatable, Codable {
    /// The name the result is filed under.
    public var name: String
    /// The id of the workflow node whose files are this result.
    public var node: String
    public var type: AIToolOutputType
    public var title: String?

    public init(name: String, node: String, type: AIToolOutputType, title: String? = nil) {
        self.name = name
        self.node = node
        self.type = type
        self.title = title
    }
}
