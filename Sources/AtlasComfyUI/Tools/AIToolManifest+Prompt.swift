import AtlasCore

extension AIToolManifest {
    /// The concrete prompt for one run: the workflow with every bound input set from `arguments`,
    /// image inputs naming the files uploaded for them, and every save node's `filename_prefix`
    /// rewritten into the job's folder.
    ///
    /// - Parameter uploadedImages: what `ComfyUIClient.uploadImage` returned for each image input, by input name.
    public func prompt(
        workflow: ComfyUIWorkflow, arguments: AIToolArguments,
        uploadedImages: [String: ComfyUIFileReference], folder: ComfyUIJobFolder
    ) throws(AIToolValidationError) -> ComfyUIWorkflow {
        var prompt = workflow
        var errors: [AIToolFieldError] = []
        for input in inputs {
            guard let value = boundValue(input, arguments: arguments, uploadedImages: uploadedImages) else {
                if input.type == .image, arguments.images[input.name] != nil {
                    errors.append(AIToolFieldError(field: "inputs.\(input.name)", code: "image_not_uploaded",
                                                   message: "the image was not uploaded to the ComfyUI server"))
                }
                continue
            }
            guard prompt.nodes[input.node]?.inputs[input.field] != nil else {
                errors.append(AIToolFieldError(field: "inputs.\(input.name)", code: "unknown_field",
                                               message: "the workflow has no field \(input.field) on node \(input.node)"))
                continue
            }
            prompt.nodes[input.node]?.inputs[input.field] = .literal(value)
        }
        guard errors.isEmpty else { throw AIToolValidationError(errors) }
        for id in prompt.fileSavingNodeIDs {
            prompt.nodes[id]?.inputs["filename_prefix"] = .literal(.string(folder.outputPrefix(node: id)))
        }
        return prompt
    }

    private func boundValue(_ input: AIToolInput, arguments: AIToolArguments,
                            uploadedImages: [String: ComfyUIFileReference]) -> JSONValue? {
        if input.type == .image {
            return uploadedImages[input.name].map { .string($0.promptValue) }
        }
        return arguments.values[input.name]
    }
}
