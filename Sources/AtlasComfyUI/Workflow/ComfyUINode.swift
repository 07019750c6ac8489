import AtlasCore

/// One node of an API-format prompt: its class and its input values.
public struct ComfyUINode: Sendable, Hashable {
    /// The node class, as listed by `/object_info` (`LoadImage`, `SaveImage`, …).
    public var classType: String
    /// Input values by input name.
    public var inputs: [String: ComfyUIInputValue]
    /// `_meta.title`: ComfyUI uses it only in error messages, Atlas in its own.
    public var title: String?

    public init(classType: String, inputs: [String: ComfyUIInputValue], title: String? = nil) {
        self.classType = classType
        self.inputs = inputs
        self.title = title
    }

    /// The node as ComfyUI expects it in `POST /prompt`.
    public var json: JSONValue {
        var members: [String: JSONValue] = [
            "class_type": .string(classType),
            "inputs": .object(inputs.mapValues(\.json)),
        ]
        if let title { members["_meta"] = .object(["title": .string(title)]) }
        return .object(members)
    }

    /// The nodes this one reads from, each once.
    public var upstreamNodeIDs: Set<String> {
        Set(inputs.values.compactMap { $0.link?.node })
    }
}
