/// ComfyUI's `validate_prompt`: every node must name a known class, at least one output node
/// must be asked for, and each output is checked with everything it depends on. The prompt is
/// accepted when one output passes; the outputs that failed are then skipped and reported in
/// `node_errors` of a 200. A `PythonException` thrown from here is one Python would not catch
/// either: the server answers 500.
struct PromptValidator {
    enum Outcome {
        /// Queue `prompt` (with its converted values) and run `outputs`.
        case accepted(prompt: JSON, outputs: [String], nodeErrors: JSONObject)
        case rejected(error: JSON, nodeErrors: JSONObject)
    }

    let catalog: NodeCatalog
    let environment: NodeEnvironment

    func validate(_ prompt: JSON, partialTargets: JSON?) throws(PythonException) -> Outcome {
        let nodes = try Self.nodes(of: prompt)
        var outputs: [String] = []
        for (id, value) in nodes {
            let node = value.objectValue!
            if let problem = try missingNodeType(id: id, node: node) { return .rejected(error: problem, nodeErrors: JSONObject()) }
            guard catalog[node["class_type"]!.stringValue!]!.schema.isOutputNode else { continue }
            var targeted = true
            if let partialTargets, partialTargets != .null { targeted = try PythonConversion.contains(id, in: partialTargets) }
            if targeted { outputs.append(id) }
        }
        guard !outputs.isEmpty else {
            return .rejected(error: ValidationIssue.make("prompt_no_outputs", "Prompt has no outputs", details: ""), nodeErrors: JSONObject())
        }
        return checkOutputs(outputs, nodes: nodes)
    }

    private func checkOutputs(_ outputs: [String], nodes: JSONObject) -> Outcome {
        var validator = NodeInputValidator(prompt: nodes, catalog: catalog, environment: environment)
        var good: [String] = [], failures: [[JSON]] = []
        var nodeErrors = JSONObject()
        for output in outputs {
            var reasons: [JSON] = []
            do {
                let result = try validator.validate(output)
                if result.valid { good.append(output); continue }
                reasons = result.errors
            } catch {
                reasons = [ValidationIssue.exceptionDuringValidation(error)]
                validator.record(output, .init(valid: false, errors: reasons))
            }
            failures.append(reasons)
            // Python walks every node validated so far, so an earlier failure is charged to this
            // output too: that is how `dependent_outputs` comes out.
            for (node, result) in validator.validated where !result.valid && !result.errors.isEmpty {
                var entry = nodeErrors[node]?.objectValue
                    ?? ["errors": .array(result.errors), "dependent_outputs": [], "class_type": nodes[node]?["class_type"] ?? .null]
                entry["dependent_outputs"] = .array((entry["dependent_outputs"]?.arrayValue ?? []) + [.string(output)])
                nodeErrors[node] = .object(entry)
            }
        }
        guard good.isEmpty else {
            return .accepted(prompt: .object(validator.prompt), outputs: outputs.filter(good.contains), nodeErrors: nodeErrors)
        }
        let details = failures.joined().map { issue in
            "\(issue["message"]?.stringValue ?? ""): \(issue["details"]?.stringValue ?? "")"
        }.joined(separator: "\n")
        let error = ValidationIssue.make("prompt_outputs_failed_validation", "Prompt outputs failed validation", details: details)
        return .rejected(error: error, nodeErrors: nodeErrors)
    }

    /// `missing_node_type` for a node without `class_type` or with an unknown one.
    private func missingNodeType(id: String, node: JSONObject) throws(PythonException) -> JSON? {
        let meta = node["_meta"] ?? .object(JSONObject())
        guard case .object(let metaObject) = meta else { throw .attributeError(meta, "get") }
        guard let classType = node["class_type"] else {
            let title = metaObject["title"] ?? .null
            let name = PythonConversion.truthy(title) ? PythonText.str(title) : "ID #\(id)"
            return ValidationIssue.make("missing_node_type",
                                        "Node '\(name)' has no class_type. The workflow may be corrupted or a custom node is missing.",
                                        details: "Node ID '#\(id)'",
                                        extra: ["node_id": .string(id), "class_type": .null, "node_title": title])
        }
        if case .array = classType { throw .typeError("unhashable type: 'list'") }
        if case .object = classType { throw .typeError("unhashable type: 'dict'") }
        if let name = classType.stringValue, catalog[name] != nil { return nil }
        let title = metaObject["title"] ?? classType
        return ValidationIssue.make("missing_node_type", "Node '\(PythonText.str(title))' not found. The custom node may not be installed.",
                                    details: "Node ID '#\(id)'",
                                    extra: ["node_id": .string(id), "class_type": classType, "node_title": title])
    }

    /// `for x in prompt: prompt[x]…` over what the body's `prompt` can be: nodes must be objects.
    private static func nodes(of prompt: JSON) throws(PythonException) -> JSONObject {
        switch prompt {
        case .object(let object):
            for (_, node) in object where node.objectValue == nil {
                throw .typeError("argument of type '\(node.pythonTypeName)' is not iterable")
            }
            return object
        case .array(let items) where items.isEmpty: return JSONObject()
        case .string(let text) where text.isEmpty: return JSONObject()
        case .array: throw .typeError("list indices must be integers or slices, not str")
        case .string: throw .typeError("string indices must be integers, not 'str'")
        default: throw .typeError("'\(prompt.pythonTypeName)' object is not iterable")
        }
    }
}
