import AtlasCore

/// A server's node classes as `GET /object_info` lists them: what a workflow may use there.
public struct ComfyUIObjectInfo: Sendable, Equatable {
    /// Node classes by class name.
    public var classes: [String: ComfyUINodeInfo]

    public init(classes: [String: ComfyUINodeInfo]) {
        self.classes = classes
    }

    /// Reads a `/object_info` or `/object_info/{class}` body; entries of an unknown shape are left out.
    public init(json: JSONValue) {
        guard case .object(let entries) = json else {
            self.classes = [:]
            return
        }
        self.classes = entries.compactMapValues(ComfyUINodeInfo.init(json:))
    }

    public subscript(classType: String) -> ComfyUINodeInfo? {
        classes[classType]
    }
}

extension ComfyUIObjectInfo: Decodable {
    public init(from decoder: any Decoder) throws {
        self.init(json: try JSONValue(from: decoder))
    }
}
