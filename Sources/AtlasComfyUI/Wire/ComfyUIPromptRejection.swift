/// Why ComfyUI did not run a prompt: the 400 body `{error, node_errors}`, or the `node_errors` of a
/// 200 that queued only the outputs that validated (Atlas treats that as a failure too).
public struct ComfyUIPromptRejection: Sendable, Equatable, Decodable {
    /// The overall error; `nil` when a 200 carried only `node_errors`.
    public var error: ComfyUIIssue?
    /// Problems by node id. Empty for whole-prompt errors such as `missing_node_type`.
    public var nodeErrors: [String: ComfyUINodeError]

    public init(error: ComfyUIIssue?, nodeErrors: [String: ComfyUINodeError]) {
        self.error = error
        self.nodeErrors = nodeErrors
    }

    enum CodingKeys: String, CodingKey {
        case error
        case nodeErrors = "node_errors"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.error = try container.decodeIfPresent(ComfyUIIssue.self, forKey: .error)
        self.nodeErrors = try container.decodeIfPresent([String: ComfyUINodeError].self, forKey: .nodeErrors) ?? [:]
    }

    /// One line for logs and job errors.
    public var summary: String {
        var parts: [String] = []
        if let error { parts.append(error.message) }
        for id in nodeErrors.keys.sorted(by: ComfyUIWorkflow.nodeIDOrder) {
            for issue in nodeErrors[id]?.errors ?? [] {
                parts.append("node \(id): \(issue.message)\(issue.details.isEmpty ? "" : " (\(issue.details))")")
            }
        }
        return parts.joined(separator: "; ")
    }
}
