/// The validation problems of one node, as listed under `node_errors[node_id]`.
public struct ComfyUINodeError: Sendable, Equatable, Decodable {
    public var classType: String?
    public var errors: [ComfyUIIssue]
    /// The output nodes that cannot run because of this node.
    public var dependentOutputs: [String]

    public init(classType: String?, errors: [ComfyUIIssue], dependentOutputs: [String]) {
        self.classType = classType
        self.errors = errors
        self.dependentOutputs = dependentOutputs
    }

    enum CodingKeys: String, CodingKey {
        case errors
        case classType = "class_type"
        case dependentOutputs = "dependent_outputs"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.classType = try container.decodeIfPresent(String.self, forKey: .classType)
        self.errors = try container.decodeIfPresent([ComfyUIIssue].self, forKey: .errors) ?? []
        self.dependentOutputs = try container.decodeIfPresent([String].self, forKey: .dependentOutputs) ?? []
    }
}
