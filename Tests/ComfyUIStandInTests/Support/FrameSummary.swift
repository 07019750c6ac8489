@testable import ComfyUIStandIn

/// Frames as short words, to compare sequences with recordings: `status`, `executing:3`,
/// `executed:3`, `executing:null`, `progress_state`, `progress:2/24`, …
enum FrameSummary {
    static func describe(_ frame: JSON) -> String {
        let type = frame["type"]?.stringValue ?? "?"
        let data = frame["data"] ?? .null
        switch type {
        case "executing", "executed":
            return "\(type):" + (data["node"].flatMap(\.stringValue) ?? "null")
        case "progress":
            return "progress:\(PythonText.str(data["value"] ?? .null))/\(PythonText.str(data["max"] ?? .null))"
        case "execution_cached":
            return "execution_cached:" + (data["nodes"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ",")
        case "execution_interrupted", "execution_error":
            return "\(type):" + (data["node_id"]?.stringValue ?? "?")
        default:
            return type
        }
    }

    static func describe(_ frames: [JSON]) -> [String] { frames.map(describe) }

    /// The frames of one prompt, from its first `status` after submission to its end.
    static func ofPrompt(_ frames: [JSON], _ promptID: String) -> [JSON] {
        frames.filter { frame in
            guard let id = frame["data"]?["prompt_id"] else { return frame["type"] == "status" }
            return id == .string(promptID)
        }
    }
}
