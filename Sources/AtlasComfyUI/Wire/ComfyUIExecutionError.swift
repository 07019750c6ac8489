/// A prompt that failed while running: the `execution_error` frame, or `execution_error` of `/api/jobs/{id}`.
public struct ComfyUIExecutionError: Sendable, Equatable, Decodable {
    public var promptID: String
    /// The node that raised.
    public var nodeID: String
    public var nodeType: String
    /// The Python exception class, e.g. `PIL.UnidentifiedImageError`.
    public var exceptionType: String
    public var exceptionMessage: String
    public var traceback: [String]
    /// Nodes that had finished before the failure.
    public var executed: [String]

    public init(promptID: String, nodeID: String, nodeType: String, exceptionType: String, exceptionMessage: String,
                traceback: [String] = [], executed: [String] = []) {
        self.promptID = promptID
        self.nodeID = nodeID
        self.nodeType = nodeType
        self.exceptionType = exceptionType
        self.exceptionMessage = exceptionMessage
        self.traceback = traceback
        self.executed = executed
    }

    enum CodingKeys: String, CodingKey {
        case traceback, executed
        case promptID = "prompt_id"
        case nodeID = "node_id"
        case nodeType = "node_type"
        case exceptionType = "exception_type"
        case exceptionMessage = "exception_message"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.promptID = try container.decodeIfPresent(String.self, forKey: .promptID) ?? ""
        self.nodeID = try container.decodeIfPresent(String.self, forKey: .nodeID) ?? ""
        self.nodeType = try container.decodeIfPresent(String.self, forKey: .nodeType) ?? ""
        self.exceptionType = try container.decodeIfPresent(String.self, forKey: .exceptionType) ?? ""
        self.exceptionMessage = try container.decodeIfPresent(String.self, forKey: .exceptionMessage) ?? ""
        self.traceback = (try? container.decodeIfPresent([String].self, forKey: .traceback)) ?? []
        self.executed = (try? container.decodeIfPresent([String].self, forKey: .executed)) ?? []
    }
}
