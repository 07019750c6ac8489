/// The checks that a manifest's bindings and outputs point into its workflow.
enum AIToolWorkflowCheck {
    static func problems(in manifest: AIToolManifest, workflow: ComfyUIWorkflow) -> [AIToolFieldError] {
        var errors: [AIToolFieldError] = []
        do throws(ComfyUIWorkflowError) {
            _ = try workflow.dependencyOrder()
        } catch {
            errors.append(AIToolFieldError(field: error.field, code: error.code, message: error.description))
        }
        var bound: [String: String] = [:]
        for (index, input) in manifest.inputs.enumerated() {
            let path = "inputs[\(index)]"
            if let problem = bindingProblem(input, in: workflow, at: path) {
                errors.append(problem)
            } else if let other = bound.updateValue(input.name, forKey: "\(input.node)/\(input.field)") {
                errors.append(AIToolFieldError(field: "\(path).field", code: "duplicate_binding",
                                               message: "field \(input.field) of node \(input.node) is already bound to input \(other)"))
            }
        }
        for (index, output) in manifest.outputs.enumerated() where workflow.nodes[output.node] == nil {
            errors.append(AIToolFieldError(field: "outputs[\(index)].node", code: "unknown_node",
                                           message: "the workflow has no node \(output.node)"))
        }
        return errors
    }

    private static func bindingProblem(_ input: AIToolInput, in workflow: ComfyUIWorkflow, at path: String) -> AIToolFieldError? {
        guard let node = workflow.nodes[input.node] else {
            return AIToolFieldError(field: "\(path).node", code: "unknown_node", message: "the workflow has no node \(input.node)")
        }
        guard let value = node.inputs[input.field] else {
            let known = node.inputs.keys.sorted().joined(separator: ", ")
            return AIToolFieldError(field: "\(path).field", code: "unknown_field",
                                    message: "node \(input.node) (\(node.classType)) has no input \(input.field); it has \(known)")
        }
        if value.link != nil {
            return AIToolFieldError(field: "\(path).field", code: "linked_field",
                                    message: "input \(input.field) of node \(input.node) is fed by another node, so a value cannot be bound to it")
        }
        return nil
    }
}
