import AtlasCore
import Foundation

extension ComfyUIMessage {
    /// Decodes a text frame `{"type", "data"}`.
    public init(text: String) throws(ComfyUIError) {
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)),
              case .object(let frame) = json, let type = frame["type"]?.text else {
            throw .protocolViolation("a WebSocket text frame is not {\"type\", \"data\"} JSON: \(text.prefix(200))")
        }
        let data: [String: JSONValue]
        if case .object(let members)? = frame["data"] { data = members } else { data = [:] }
        self = try Self.decode(type: type, data: data)
    }

    /// Decodes a binary frame: a 4-byte big-endian event type, then the event's bytes (PROTOCOL §4).
    public init(binary bytes: [UInt8]) {
        guard bytes.count >= 8 else {
            self = .other(type: "binary")
            return
        }
        switch Self.uint32(bytes, at: 0) {
        case 1: self = .preview(promptID: nil, node: nil)
        case 4: self = Self.previewWithMetadata(bytes)
        case let event: self = .other(type: "binary:\(event)")
        }
    }

    private static func decode(type: String, data: [String: JSONValue]) throws(ComfyUIError) -> ComfyUIMessage {
        let promptID = data["prompt_id"]?.text
        switch type {
        case "status":
            guard case .object(let status)? = data["status"], case .object(let info)? = status["exec_info"],
                  let remaining = info["queue_remaining"]?.number else { throw missing("status.exec_info.queue_remaining", in: type) }
            return .status(queueRemaining: Int(remaining), sessionID: data["sid"]?.text)
        case "execution_start": return .executionStart(promptID: try required(promptID, type))
        case "execution_cached": return .executionCached(promptID: try required(promptID, type), nodes: strings(data["nodes"]))
        case "executing": return .executing(promptID: promptID, node: data["node"]?.text)
        case "progress":
            return .progress(promptID: promptID, node: data["node"]?.text, value: data["value"]?.number ?? 0, max: data["max"]?.number ?? 0)
        case "progress_state": return .progressState(promptID: try required(promptID, type), nodes: nodeProgress(data["nodes"]))
        case "executed":
            guard let node = data["node"]?.text else { throw missing("node", in: type) }
            return .executed(promptID: try required(promptID, type), node: node, output: data["output"] ?? .null)
        case "execution_success": return .executionSuccess(promptID: try required(promptID, type))
        case "execution_error": return .executionError(try decoded(data, as: ComfyUIExecutionError.self, type))
        case "execution_interrupted": return .executionInterrupted(try decoded(data, as: ComfyUIInterruption.self, type))
        case "feature_flags": return .featureFlags(data)
        default: return .other(type: type)
        }
    }

    private static func required(_ promptID: String?, _ type: String) throws(ComfyUIError) -> String {
        guard let promptID else { throw missing("prompt_id", in: type) }
        return promptID
    }

    private static func missing(_ field: String, in type: String) -> ComfyUIError {
        .protocolViolation("a \(type) frame has no \(field)")
    }

    private static func decoded<T: Decodable>(_ data: [String: JSONValue], as: T.Type, _ type: String) throws(ComfyUIError) -> T {
        do { return try JSONValue.object(data).decoded(as: T.self) } catch { throw .protocolViolation("a \(type) frame does not decode: \(error)") }
    }

    private static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap(\.text)
    }

    private static func nodeProgress(_ value: JSONValue?) -> [String: ComfyUINodeProgress] {
        guard case .object(let nodes)? = value else { return [:] }
        return nodes.compactMapValues { entry in
            guard case .object(let fields) = entry else { return nil }
            return ComfyUINodeProgress(state: fields["state"]?.text ?? "running", value: fields["value"]?.number ?? 0,
                                       max: fields["max"]?.number ?? 1)
        }
    }

    private static func previewWithMetadata(_ bytes: [UInt8]) -> ComfyUIMessage {
        let length = Int(uint32(bytes, at: 4))
        guard length <= bytes.count - 8,
              let json = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes[8..<(8 + length)])),
              case .object(let metadata) = json else { return .preview(promptID: nil, node: nil) }
        return .preview(promptID: metadata["prompt_id"]?.text, node: metadata["node_id"]?.text)
    }

    private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { ($0 << 8) | UInt32($1) }
    }
}
