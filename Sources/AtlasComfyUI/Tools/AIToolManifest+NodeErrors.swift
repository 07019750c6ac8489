extension AIToolManifest {
    /// ComfyUI's refusal of a prompt, as field errors a caller of the tool can act on: a problem
    /// with a node input that a tool input is bound to is reported at that tool input
    /// (`inputs.radius`); any other is reported at the workflow node (`workflow.5.inputs.width`).
    /// Codes are ComfyUI's own (`value_bigger_than_max`, `custom_validation_failed`, …).
    public func fieldErrors(for rejection: ComfyUIPromptRejection) -> [AIToolFieldError] {
        var errors: [AIToolFieldError] = []
        for node in rejection.nodeErrors.keys.sorted(by: ComfyUIWorkflow.nodeIDOrder) {
            for issue in rejection.nodeErrors[node]?.errors ?? [] {
                errors.append(fieldError(for: issue, node: node))
            }
        }
        if errors.isEmpty, let issue = rejection.error {
            errors.append(wholePromptError(issue))
        }
        return errors
    }

    private func fieldError(for issue: ComfyUIIssue, node: String) -> AIToolFieldError {
        let message = issue.details.isEmpty ? issue.message : "\(issue.message): \(issue.details)"
        guard let inputName = issue.inputName else {
            return AIToolFieldError(field: "workflow.\(node)", code: issue.type, message: message)
        }
        if let input = input(boundTo: node, field: inputName) {
            return AIToolFieldError(field: "inputs.\(input.name)", code: issue.type, message: "ComfyUI refused it: \(message)")
        }
        return AIToolFieldError(field: "workflow.\(node).inputs.\(inputName)", code: issue.type, message: message)
    }

    private func wholePromptError(_ issue: ComfyUIIssue) -> AIToolFieldError {
        let message = issue.details.isEmpty ? issue.message : "\(issue.message) (\(issue.details))"
        guard let node = issue.extraInfo["node_id"]?.text else {
            return AIToolFieldError(field: "workflow", code: issue.type, message: message)
        }
        let field = issue.type == "missing_node_type" ? "workflow.\(node).class_type" : "workflow.\(node)"
        return AIToolFieldError(field: field, code: issue.type, message: message)
    }
}
