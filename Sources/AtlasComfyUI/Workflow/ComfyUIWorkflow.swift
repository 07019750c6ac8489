import AtlasCore
import Foundation

/// A ComfyUI prompt in API format: node id → node. This is what `POST /prompt` runs and what an
/// AI tool wraps.
///
/// Reading one checks the shape ComfyUI would otherwise refuse late or oddly: the editor's UI
/// format, nodes without `class_type`, malformed links and links to missing nodes.
public struct ComfyUIWorkflow: Sendable, Hashable {
    /// Nodes by id. Ids are arbitrary strings; they are numbers only by the editor's habit.
    public var nodes: [String: ComfyUINode]

    public init(nodes: [String: ComfyUINode]) {
        self.nodes = nodes
    }

    /// Reads an API-format document.
    public init(json: JSONValue) throws(ComfyUIWorkflowError) {
        guard case .object(let members) = json else { throw .notAnObject }
        if Self.isEditorFormat(members) { throw .uiFormat }
        if members.isEmpty { throw .empty }
        var nodes: [String: ComfyUINode] = [:]
        for (id, entry) in members {
            nodes[id] = try Self.node(id: id, entry: entry)
        }
        self.nodes = nodes
        try checkLinks()
    }

    /// Reads an API-format document from JSON bytes.
    public init(data: Data) throws(ComfyUIWorkflowError) {
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: data) else { throw .notAnObject }
        try self.init(json: json)
    }

    /// The prompt as ComfyUI expects it in `POST /prompt`.
    public var json: JSONValue {
        .object(nodes.mapValues(\.json))
    }

    /// Node ids in a stable order: numeric ids by value, then the rest by name.
    public var sortedNodeIDs: [String] {
        nodes.keys.sorted(by: Self.nodeIDOrder)
    }

    /// The ids of nodes that have a `filename_prefix` input: the nodes that write files.
    public var fileSavingNodeIDs: [String] {
        sortedNodeIDs.filter { nodes[$0]?.inputs["filename_prefix"] != nil }
    }

    static func nodeIDOrder(_ lhs: String, _ rhs: String) -> Bool {
        switch (Int(lhs), Int(rhs)) {
        case let (left?, right?): return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs < rhs
        }
    }

    // The editor's format has top-level `nodes` and `links` lists; an API prompt never has list values.
    private static func isEditorFormat(_ members: [String: JSONValue]) -> Bool {
        if case .array? = members["nodes"] { return true }
        if case .array? = members["links"] { return true }
        return false
    }

    private static func node(id: String, entry: JSONValue) throws(ComfyUIWorkflowError) -> ComfyUINode {
        guard case .object(let fields) = entry else { throw .malformedNode(id) }
        guard case .string(let classType)? = fields["class_type"], !classType.isEmpty else { throw .missingClassType(id) }
        var inputs: [String: ComfyUIInputValue] = [:]
        switch fields["inputs"] {
        case .object(let raw)?:
            for (name, value) in raw {
                guard let input = ComfyUIInputValue(json: value) else { throw .badLink(node: id, input: name) }
                inputs[name] = input
            }
        case nil, .null?: break
        default: throw .malformedNode(id)
        }
        var title: String?
        if case .object(let meta)? = fields["_meta"], case .string(let text)? = meta["title"] { title = text }
        return ComfyUINode(classType: classType, inputs: inputs, title: title)
    }

    private func checkLinks() throws(ComfyUIWorkflowError) {
        for id in sortedNodeIDs {
            guard let node = nodes[id] else { continue }
            for name in node.inputs.keys.sorted() {
                if let link = node.inputs[name]?.link, nodes[link.node] == nil {
                    throw .linkToMissingNode(node: id, input: name, target: link.node)
                }
            }
        }
    }
}

extension ComfyUIWorkflow: Codable {
    public init(from decoder: any Decoder) throws {
        try self.init(json: JSONValue(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }
}
