/// An input fed by another node's output: `[source_node_id, output_index]` in API format.
public struct ComfyUILink: Sendable, Hashable, Codable {
    /// The id of the node whose output feeds the input.
    public var node: String
    /// Which of that node's outputs, from 0.
    public var output: Int

    public init(node: String, output: Int) {
        self.node = node
        self.output = output
    }
}
