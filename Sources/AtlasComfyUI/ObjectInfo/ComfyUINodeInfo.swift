import AtlasCore

/// What `/object_info` says about one node class: its inputs, outputs and whether it is an output node.
public struct ComfyUINodeInfo: Sendable, Equatable {
    public var name: String
    public var displayName: String?
    public var category: String?
    /// ComfyUI runs a prompt for its output nodes (`SaveImage`, `PreviewImage`, …) and what they need.
    public var isOutputNode: Bool
    /// Required and optional inputs by name; hidden inputs (filled by the server) are left out.
    public var inputs: [String: ComfyUIInputSpec]
    /// Output types in slot order (`["IMAGE", "MASK"]`).
    public var outputTypes: [String]

    public init(name: String, displayName: String? = nil, category: String? = nil, isOutputNode: Bool,
                inputs: [String: ComfyUIInputSpec], outputTypes: [String]) {
        self.name = name
        self.displayName = displayName
        self.category = category
        self.isOutputNode = isOutputNode
        self.inputs = inputs
        self.outputTypes = outputTypes
    }

    /// Reads one class entry of `/object_info`.
    public init?(json: JSONValue) {
        guard case .object(let fields) = json else { return nil }
        guard case .string(let name)? = fields["name"] else { return nil }
        var inputs: [String: ComfyUIInputSpec] = [:]
        if case .object(let sections)? = fields["input"] {
            for (section, isRequired) in [("optional", false), ("required", true)] {
                guard case .object(let entries)? = sections[section] else { continue }
                for (input, spec) in entries {
                    inputs[input] = ComfyUIInputSpec(json: spec, isRequired: isRequired)
                }
            }
        }
        var outputTypes: [String] = []
        if case .array(let types)? = fields["output"] {
            outputTypes = types.map { if case .string(let type) = $0 { type } else { "*" } }
        }
        self.init(name: name, displayName: fields["display_name"]?.text, category: fields["category"]?.text,
                  isOutputNode: fields["output_node"] == .bool(true), inputs: inputs, outputTypes: outputTypes)
    }
}
