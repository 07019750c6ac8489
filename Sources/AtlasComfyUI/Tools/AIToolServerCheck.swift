/// The checks of a tool against what a ComfyUI server has: node classes, input fields, their types
/// and ranges, and output nodes.
enum AIToolServerCheck {
    static func problems(in manifest: AIToolManifest, workflow: ComfyUIWorkflow, objectInfo: ComfyUIObjectInfo) -> [AIToolFieldError] {
        var errors: [AIToolFieldError] = []
        for id in workflow.sortedNodeIDs {
            guard let node = workflow.nodes[id], objectInfo[node.classType] == nil else { continue }
            errors.append(AIToolFieldError(field: "workflow.\(id).class_type", code: "unknown_node_type",
                                           message: "the ComfyUI server has no node type \(node.classType); install the custom node that provides it"))
        }
        for (index, input) in manifest.inputs.enumerated() {
            guard let classType = workflow.nodes[input.node]?.classType, let info = objectInfo[classType] else { continue }
            errors += problems(with: input, node: info, at: "inputs[\(index)]")
        }
        for (index, output) in manifest.outputs.enumerated() {
            guard let classType = workflow.nodes[output.node]?.classType, let info = objectInfo[classType], !info.isOutputNode else { continue }
            errors.append(AIToolFieldError(field: "outputs[\(index)].node", code: "not_an_output_node",
                                           message: "node \(output.node) is a \(classType), which is not an output node; name a save or preview node"))
        }
        return errors
    }

    private static func problems(with input: AIToolInput, node: ComfyUINodeInfo, at path: String) -> [AIToolFieldError] {
        guard let spec = node.inputs[input.field] else {
            let known = node.inputs.keys.sorted().joined(separator: ", ")
            return [AIToolFieldError(field: "\(path).field", code: "unknown_field",
                                     message: "\(node.name) has no input \(input.field); it has \(known)")]
        }
        guard accepts(spec.kind, input.type) else {
            return [AIToolFieldError(field: "\(path).type", code: "type_mismatch",
                                     message: "input \(input.field) of \(node.name) takes \(spec.kind.typeName), which a \(input.type.rawValue) input cannot feed")]
        }
        return rangeProblems(input, spec: spec, at: path)
    }

    private static func accepts(_ kind: ComfyUIInputSpec.Kind, _ type: AIToolInputType) -> Bool {
        switch (kind, type) {
        case (.int, .int), (.int, .seed), (.float, .float), (.float, .int), (.string, .string), (.boolean, .bool),
             (.combo, .enum), (.combo, .image), (.string, .image): true
        default: false
        }
    }

    private static func rangeProblems(_ input: AIToolInput, spec: ComfyUIInputSpec, at path: String) -> [AIToolFieldError] {
        var errors: [AIToolFieldError] = []
        let server = AIToolValueRule(type: input.type, minimum: spec.minimum, maximum: spec.maximum)
        for (key, bound) in [("min", input.minimum), ("max", input.maximum)] {
            guard let bound, let problem = server.problem(with: .number(bound), field: "\(path).\(key)") else { continue }
            errors.append(AIToolFieldError(field: problem.field, code: problem.code, message: "the server's \(problem.message)"))
        }
        if let value = input.defaultValue, let problem = server.problem(with: value, field: "\(path).default") {
            errors.append(AIToolFieldError(field: problem.field, code: problem.code, message: "the server's node \(problem.message)"))
        }
        // An upload field is checked by the node itself (LoadImage accepts files its list does not show yet).
        if case .combo(let allowed) = spec.kind, input.type == .enum, !spec.acceptsImageUpload {
            for (index, option) in (input.options ?? []).enumerated() where !allowed.contains(option) {
                errors.append(AIToolFieldError(field: "\(path).options[\(index)]", code: "not_in_list",
                                               message: "\(option) is not one of the server's values: \(allowed.joined(separator: ", "))"))
            }
        }
        return errors
    }
}

extension ComfyUIInputSpec.Kind {
    /// The type as ComfyUI names it.
    public var typeName: String {
        switch self {
        case .int: "INT"
        case .float: "FLOAT"
        case .string: "STRING"
        case .boolean: "BOOLEAN"
        case .combo: "a list of choices (COMBO)"
        case .connection(let type): "a link from another node (\(type))"
        }
    }
}
