import AtlasCore

/// What `/object_info` says one node input accepts: `["INT", {"min": 1, …}]`, `[["a", "b"], {…}]`,
/// `["COMBO", {"options": […]}]` (V3 nodes) or a connection type such as `["IMAGE"]`.
public struct ComfyUIInputSpec: Sendable, Equatable {
    /// The kinds of value an input takes.
    public enum Kind: Sendable, Equatable {
        case int
        case float
        case string
        case boolean
        /// One of a fixed list of strings.
        case combo([String])
        /// Fed only by a link from another node's output of this type (`IMAGE`, `MODEL`, `*`, …).
        case connection(String)
    }

    public var kind: Kind
    public var isRequired: Bool
    public var minimum: Double?
    public var maximum: Double?
    public var step: Double?
    public var defaultValue: JSONValue?
    /// The input is a file picker that `/upload/image` fills (`LoadImage.image`). ComfyUI checks
    /// such inputs with the node's own validation, not against the listed options.
    public var acceptsImageUpload: Bool

    public init(kind: Kind, isRequired: Bool, minimum: Double? = nil, maximum: Double? = nil, step: Double? = nil,
                defaultValue: JSONValue? = nil, acceptsImageUpload: Bool = false) {
        self.kind = kind
        self.isRequired = isRequired
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.defaultValue = defaultValue
        self.acceptsImageUpload = acceptsImageUpload
    }

    /// Reads one entry of `input.required` / `input.optional`; `nil` for a shape ComfyUI does not produce.
    public init?(json: JSONValue, isRequired: Bool) {
        guard case .array(let parts) = json, let head = parts.first else { return nil }
        var config: [String: JSONValue] = [:]
        if parts.count > 1, case .object(let members) = parts[1] { config = members }
        guard let kind = Self.kind(head, config: config) else { return nil }
        self.init(kind: kind, isRequired: isRequired, minimum: config["min"]?.number, maximum: config["max"]?.number,
                  step: config["step"]?.number, defaultValue: config["default"],
                  acceptsImageUpload: config["image_upload"] == .bool(true))
    }

    private static func kind(_ head: JSONValue, config: [String: JSONValue]) -> Kind? {
        switch head {
        case .array(let options): return .combo(options.compactMap(\.optionText))
        case .string("INT"): return .int
        case .string("FLOAT"): return .float
        case .string("STRING"): return .string
        case .string("BOOLEAN"): return .boolean
        case .string("COMBO"):
            guard case .array(let options)? = config["options"] else { return .combo([]) }
            return .combo(options.compactMap(\.optionText))
        case .string(let type): return .connection(type)
        default: return nil
        }
    }
}
