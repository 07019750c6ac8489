/// Why a document is not a usable API-format prompt.
public enum ComfyUIWorkflowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document is the UI's "workflow" format (`nodes`/`links`), which `POST /prompt` refuses.
    case uiFormat
    /// The document is not a JSON object of nodes.
    case notAnObject
    /// The document has no nodes.
    case empty
    /// A node's entry is not an object with `class_type` and `inputs`.
    case malformedNode(String)
    /// A node has no `class_type`.
    case missingClassType(String)
    /// An input holds a list that is neither a `[node_id, index]` link nor a wrapped `{"__value__": [...]}`.
    case badLink(node: String, input: String)
    /// An input links to a node that is not in the prompt.
    case linkToMissingNode(node: String, input: String, target: String)
    /// The links form a loop through these nodes.
    case cycle([String])

    /// A stable code for API errors.
    public var code: String {
        switch self {
        case .uiFormat: "workflow_ui_format"
        case .notAnObject: "workflow_not_an_object"
        case .empty: "workflow_empty"
        case .malformedNode: "workflow_malformed_node"
        case .missingClassType: "workflow_missing_class_type"
        case .badLink: "workflow_bad_link"
        case .linkToMissingNode: "workflow_link_to_missing_node"
        case .cycle: "workflow_cycle"
        }
    }

    /// Where in the workflow document the problem is, in field-path form.
    public var field: String {
        switch self {
        case .uiFormat, .notAnObject, .empty, .cycle: "workflow"
        case .malformedNode(let node): "workflow.\(node)"
        case .missingClassType(let node): "workflow.\(node).class_type"
        case .badLink(let node, let input), .linkToMissingNode(let node, let input, _): "workflow.\(node).inputs.\(input)"
        }
    }

    public var description: String {
        switch self {
        case .uiFormat:
            "this is the ComfyUI editor's workflow format (nodes and links); export it with \"Export (API)\" instead"
        case .notAnObject: "must be a JSON object mapping node ids to nodes (ComfyUI's API format)"
        case .empty: "has no nodes"
        case .malformedNode(let node): "node \(node) must be an object with class_type and inputs"
        case .missingClassType(let node): "node \(node) has no class_type"
        case .badLink(let node, let input):
            "input \(input) of node \(node) is a list that is not a [node_id, output_index] link; wrap list literals as {\"__value__\": [...]}"
        case .linkToMissingNode(let node, let input, let target): "input \(input) of node \(node) links to node \(target), which does not exist"
        case .cycle(let nodes): "the links form a loop through nodes \(nodes.joined(separator: ", "))"
        }
    }
}
