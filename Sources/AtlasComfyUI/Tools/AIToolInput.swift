import AtlasCore

/// One typed input of a tool, bound to one input field of one workflow node.
///
/// JSON (`snake_case`): `{"name": "radius", "type": "int", "node": "2", "field": "blur_radius",
/// "default": 3, "min": 1, "max": 31, "step": 1, "required": false, "title": "Radius"}`.
public struct AIToolInput: Sendable, Equatable {
    /// The name callers use in `inputs` when they run the tool.
    public var name: String
    public var type: AIToolInputType
    /// The id of the workflow node the value goes to.
    public var node: String
    /// The input field of that node that receives the value.
    public var field: String
    public var title: String?
    public var description: String?
    /// Used when the caller gives no value. Without one, an optional input keeps the workflow's value.
    public var defaultValue: JSONValue?
    /// The caller must give a value. Defaults to true for inputs without a default, except seeds.
    public var required: Bool
    public var minimum: Double?
    public var maximum: Double?
    public var step: Double?
    /// The allowed values of an `enum` input.
    public var options: [String]?

    public init(name: String, type: AIToolInputType, node: String, field: String, title: String? = nil,
                description: String? = nil, defaultValue: JSONValue? = nil, required: Bool? = nil,
                minimum: Double? = nil, maximum: Double? = nil, step: Double? = nil, options: [String]? = nil) {
        self.name = name
        self.type = type
        self.node = node
        self.field = field
        self.title = title
        self.description = description
        self.defaultValue = defaultValue
        self.required = required ?? (defaultValue == nil && type != .seed)
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.options = options
    }
}

extension AIToolInput: Codable {
    enum CodingKeys: String, CodingKey {
        case name, type, node, field, title, description, required, step, options
        case defaultValue = "default"
        case minimum = "min"
        case maximum = "max"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaultValue = try container.decodeIfPresent(JSONValue.self, forKey: .defaultValue)
        try self.init(
            name: container.decode(String.self, forKey: .name), type: container.decode(AIToolInputType.self, forKey: .type),
            node: container.decode(String.self, forKey: .node), field: container.decode(String.self, forKey: .field),
            title: container.decodeIfPresent(String.self, forKey: .title),
            description: container.decodeIfPresent(String.self, forKey: .description),
            defaultValue: defaultValue == .null ? nil : defaultValue,
            required: container.decodeIfPresent(Bool.self, forKey: .required),
            minimum: container.decodeIfPresent(Double.self, forKey: .minimum),
            maximum: container.decodeIfPresent(Double.self, forKey: .maximum),
            step: container.decodeIfPresent(Double.self, forKey: .step),
            options: container.decodeIfPresent([String].self, forKey: .options))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(node, forKey: .node)
        try container.encode(field, forKey: .field)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(defaultValue, forKey: .defaultValue)
        try container.encode(required, forKey: .required)
        try container.encodeIfPresent(minimum.map(JSONValue.number), forKey: .minimum)
        try container.encodeIfPresent(maximum.map(JSONValue.number), forKey: .maximum)
        try container.encodeIfPresent(step.map(JSONValue.number), forKey: .step)
        try container.encodeIfPresent(options, forKey: .options)
    }
}
