import AtlasCore

/// One problem ComfyUI reports when it validates a prompt: `{type, message, details, extra_info}`.
public struct ComfyUIIssue: Sendable, Equatable, Decodable {
    /// ComfyUI's code: `value_bigger_than_max`, `required_input_missing`, `missing_node_type`, …
    public var type: String
    public var message: String
    public var details: String
    public var extraInfo: [String: JSONValue]

    public init(type: String, message: String, details: String = "", extraInfo: [String: JSONValue] = [:]) {
        self.type = type
        self.message = message
        self.details = details
        self.extraInfo = extraInfo
    }

    /// The node input the problem is about, when ComfyUI names one.
    public var inputName: String? {
        extraInfo["input_name"]?.text
    }

    enum CodingKeys: String, CodingKey {
        case type, message, details
        case extraInfo = "extra_info"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.type = try container.decodeIfPresent(String.self, forKey: .type) ?? "unknown"
        self.message = try container.decodeIfPresent(String.self, forKey: .message) ?? ""
        self.details = try container.decodeIfPresent(String.self, forKey: .details) ?? ""
        self.extraInfo = (try? container.decodeIfPresent([String: JSONValue].self, forKey: .extraInfo)) ?? [:]
    }
}
