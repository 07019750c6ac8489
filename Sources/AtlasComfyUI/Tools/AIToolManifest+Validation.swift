extension AIToolManifest {
    /// Every problem of this manifest with its workflow and, when given, with a server's node
    /// classes (`GET /object_info`): unknown nodes and node types, wrong field names, types that
    /// do not fit, defaults out of range or not in the list. Empty when the tool can be registered.
    public func problems(workflow: ComfyUIWorkflow, objectInfo: ComfyUIObjectInfo? = nil) -> [AIToolFieldError] {
        let own = AIToolManifestRules.problems(in: self)
        let bindings = AIToolWorkflowCheck.problems(in: self, workflow: workflow)
        guard let objectInfo else { return own + bindings }
        return own + bindings + AIToolServerCheck.problems(in: self, workflow: workflow, objectInfo: objectInfo)
    }
}
