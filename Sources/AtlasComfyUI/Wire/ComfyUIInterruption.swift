/// A prompt stopped by an interrupt: the `execution_interrupted` frame or history message.
public struct ComfyUIInterruption: Sendable, Equatable, Decodable {
    public var promptID: String
    /// The node that was about to run or was running; `nil` when a queued prompt was removed before it ran.
    public var nodeID: String?
    public var nodeType: String?
    /// Nodes that had finished before the interrupt.
    public var executed: [String]

    public init(promptID: String, nodeID: String? = nil, nodeType: String? = nil, executed: [String] = []) {
        self.promptID = promptID
        self.nodeID = nodeID
        self.nodeType = nodeType
        self.executed = executed
    }

    enum CodingKeys: String, CodingKey {
        case executed
        case promptID = "prompt_id"
        case nodeID = "node_id"
        case nodeType = "node_type"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.promptID = try container.decodeIfPresent(String.self, forKey: .promptID) ?? ""
        self.nodeID = try container.decodeIfPresent(String.self, forKey: .nodeID)
        self.nodeType = try container.decodeIfPresent(String.self, forKey: .nodeType)
        self.executed = (try? container.decodeIfPresent([String].self, forKey: .executed)) ?? []
    }
}
