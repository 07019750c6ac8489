import AtlasCore
import Foundation

/// One prompt as `GET /api/jobs/{id}` describes it: the source of truth once the WebSocket has
/// missed something, because it tells pending, running and finished apart (`/history` does not).
public struct ComfyUIJob: Sendable, Equatable {
    public var id: String
    public var status: ComfyUIJobStatus
    public var createdAt: Date?
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Output node id → output, as in history; present once the prompt finished.
    public var outputs: [String: JSONValue]
    public var executionError: ComfyUIExecutionError?
    /// `execution_status.messages`: `[event name, data]` pairs recorded for the run.
    public var messages: [JSONValue]

    public init(id: String, status: ComfyUIJobStatus, createdAt: Date? = nil, startedAt: Date? = nil, finishedAt: Date? = nil,
                outputs: [String: JSONValue] = [:], executionError: ComfyUIExecutionError? = nil, messages: [JSONValue] = []) {
        self.id = id
        self.status = status
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outputs = outputs
        self.executionError = executionError
        self.messages = messages
    }

    /// Every file the output nodes listed.
    public var outputFiles: [ComfyUIOutputFile] {
        ComfyUIOutputFile.files(outputs: outputs)
    }

    /// The interrupt that ended a cancelled run, from its recorded messages.
    public var interruption: ComfyUIInterruption? {
        for case .array(let pair) in messages.reversed() where pair.count == 2 && pair[0] == .string("execution_interrupted") {
            return try? pair[1].decoded(as: ComfyUIInterruption.self)
        }
        return status == .cancelled ? ComfyUIInterruption(promptID: id) : nil
    }
}

extension ComfyUIJob: Decodable {
    enum CodingKeys: String, CodingKey {
        case id, status, outputs
        case createTime = "create_time"
        case startTime = "execution_start_time"
        case endTime = "execution_end_time"
        case executionError = "execution_error"
        case executionStatus = "execution_status"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.id = try container.decode(String.self, forKey: .id)
        self.status = try container.decode(ComfyUIJobStatus.self, forKey: .status)
        self.createdAt = try Self.date(container, .createTime)
        self.startedAt = try Self.date(container, .startTime)
        self.finishedAt = try Self.date(container, .endTime)
        self.outputs = try container.decodeIfPresent([String: JSONValue].self, forKey: .outputs) ?? [:]
        self.executionError = try? container.decodeIfPresent(ComfyUIExecutionError.self, forKey: .executionError)
        let status = try container.decodeIfPresent([String: JSONValue].self, forKey: .executionStatus)
        if case .array(let messages)? = status?["messages"] { self.messages = messages } else { self.messages = [] }
    }

    // ComfyUI stamps times in epoch milliseconds.
    private static func date(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Date? {
        try container.decodeIfPresent(Double.self, forKey: key).map { Date(timeIntervalSince1970: $0 / 1000) }
    }
}
