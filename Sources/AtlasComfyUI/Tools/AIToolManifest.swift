/// What makes a ComfyUI workflow an Atlas tool: its name and description, its typed inputs (each
/// bound to a node's input field), its outputs, and the models it expects.
///
/// Encoded as `snake_case` JSON for the REST API and tool folders. `description`, `category`,
/// `version` and `models` may be left out.
public struct AIToolManifest: Sendable, Equatable {
    /// The tool's stable name, used in URLs: lowercase letters, digits, `-` and `_`.
    public var name: String
    public var title: String
    public var description: String
    /// Where the tool is listed (`color`, `resize`, `generate`, …).
    public var category: String
    /// The author's version label; Atlas numbers the registered versions itself.
    public var version: String
    public var inputs: [AIToolInput]
    public var outputs: [AIToolOutput]
    public var models: [AIToolModel]

    public init(name: String, title: String, description: String = "", category: String = "general", version: String = "1",
                inputs: [AIToolInput], outputs: [AIToolOutput], models: [AIToolModel] = []) {
        self.name = name
        self.title = title
        self.description = description
        self.category = category
        self.version = version
        self.inputs = inputs
        self.outputs = outputs
        self.models = models
    }

    /// The input with this name.
    public func input(named name: String) -> AIToolInput? {
        inputs.first { $0.name == name }
    }

    /// The input bound to this node's field, if any.
    public func input(boundTo node: String, field: String) -> AIToolInput? {
        inputs.first { $0.node == node && $0.field == field }
    }
}

extension AIToolManifest: Codable {
    enum CodingKeys: String, CodingKey {
        case name, title, description, category, version, inputs, outputs, models
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            name: container.decode(String.self, forKey: .name), title: container.decode(String.self, forKey: .title),
            description: container.decodeIfPresent(String.self, forKey: .description) ?? "",
            category: container.decodeIfPresent(String.self, forKey: .category) ?? "general",
            version: container.decodeIfPresent(String.self, forKey: .version) ?? "1",
            inputs: container.decodeIfPresent([AIToolInput].self, forKey: .inputs) ?? [],
            outputs: container.decode([AIToolOutput].self, forKey: .outputs),
            models: container.decodeIfPresent([AIToolModel].self, forKey: .models) ?? [])
    }
}
