import AtlasCore

/// A finished prompt as `GET /history/{id}` records it. ComfyUI writes history only when a prompt
/// ends, so there is none while it is pending or running.
public struct ComfyUIHistoryEntry: Sendable, Equatable, Decodable {
    /// Output node id → output.
    public var outputs: [String: JSONValue]
    /// `success` or `error` (an interrupted run is an `error` too).
    public var statusText: String
    public var completed: Bool
    /// `[event name, data]` pairs recorded for the run.
    public var messages: [JSONValue]

    public init(outputs: [String: JSONValue], statusText: String, completed: Bool, messages: [JSONValue] = []) {
        self.outputs = outputs
        self.statusText = statusText
        self.completed = completed
        self.messages = messages
    }

    enum CodingKeys: String, CodingKey {
        case outputs, status
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.outputs = try container.decodeIfPresent([String: JSONValue].self, forKey: .outputs) ?? [:]
        let status = try container.decodeIfPresent([String: JSONValue].self, forKey: .status) ?? [:]
        self.statusText = status["status_str"]?.text ?? ""
        self.completed = status["completed"] == .bool(true)
        if case .array(let messages)? = status["messages"] { self.messages = messages } else { self.messages = [] }
    }

    /// Every file the output nodes listed.
    public var outputFiles: [ComfyUIOutputFile] {
        ComfyUIOutputFile.files(outputs: outputs)
    }
}
