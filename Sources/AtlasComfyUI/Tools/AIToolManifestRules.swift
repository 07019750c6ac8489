import AtlasCore

/// The checks a manifest must pass on its own, before it is compared with its workflow.
enum AIToolManifestRules {
    static func problems(in manifest: AIToolManifest) -> [AIToolFieldError] {
        var errors = nameProblems(manifest)
        errors += uniqueNameProblems(manifest.inputs.map(\.name), list: "inputs")
        errors += uniqueNameProblems(manifest.outputs.map(\.name), list: "outputs")
        for (index, input) in manifest.inputs.enumerated() {
            errors += problems(in: input, at: "inputs[\(index)]")
        }
        if manifest.outputs.isEmpty {
            errors.append(AIToolFieldError(field: "outputs", code: "required", message: "a tool needs at least one output node"))
        }
        for (index, model) in manifest.models.enumerated() where model.folder.isEmpty || model.file.isEmpty {
            errors.append(AIToolFieldError(field: "models[\(index)]", code: "required", message: "a model needs a folder and a file"))
        }
        return errors
    }

    /// Tool names go in URLs (`/api/v1/ai-tools/{name}`), so they stay plain.
    static func isValidName(_ name: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_".unicodeScalars)
        guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy(allowed.contains) else { return false }
        return !name.hasPrefix("-") && !name.hasPrefix("_")
    }

    private static func nameProblems(_ manifest: AIToolManifest) -> [AIToolFieldError] {
        var errors: [AIToolFieldError] = []
        if !isValidName(manifest.name) {
            errors.append(AIToolFieldError(field: "name", code: "invalid_name",
                                           message: "must be 1–64 lowercase letters, digits, '-' or '_', starting with a letter or digit"))
        }
        if case .failure(let error) = FieldRules.name(manifest.title, field: "title") {
            errors.append(AIToolFieldError(field: error.field, code: "invalid_title", message: error.message))
        }
        return errors
    }

    private static func uniqueNameProblems(_ names: [String], list: String) -> [AIToolFieldError] {
        var seen = Set<String>()
        var errors: [AIToolFieldError] = []
        for (index, name) in names.enumerated() {
            if !isValidName(name) {
                errors.append(AIToolFieldError(field: "\(list)[\(index)].name", code: "invalid_name",
                                               message: "must be 1–64 lowercase letters, digits, '-' or '_'"))
            } else if !seen.insert(name).inserted {
                errors.append(AIToolFieldError(field: "\(list)[\(index)].name", code: "duplicate_name", message: "\(name) is used twice"))
            }
        }
        return errors
    }

    private static func problems(in input: AIToolInput, at path: String) -> [AIToolFieldError] {
        var errors = constraintProblems(input, at: path)
        if errors.isEmpty, let value = input.defaultValue,
           let problem = AIToolValueRule(input).problem(with: value, field: "\(path).default") {
            errors.append(problem)
        }
        return errors
    }

    private static func constraintProblems(_ input: AIToolInput, at path: String) -> [AIToolFieldError] {
        var errors: [AIToolFieldError] = []
        let numeric: Set<AIToolInputType> = [.int, .float, .seed]
        if !numeric.contains(input.type) {
            for (key, value) in [("min", input.minimum), ("max", input.maximum), ("step", input.step)] where value != nil {
                errors.append(AIToolFieldError(field: "\(path).\(key)", code: "not_allowed", message: "only int, float and seed inputs have a \(key)"))
            }
        }
        if let minimum = input.minimum, let maximum = input.maximum, minimum > maximum {
            errors.append(AIToolFieldError(field: "\(path).min", code: "invalid_range", message: "min \(AIToolValueRule.text(minimum)) is above max \(AIToolValueRule.text(maximum))"))
        }
        if let step = input.step, step <= 0 {
            errors.append(AIToolFieldError(field: "\(path).step", code: "invalid_step", message: "must be greater than 0"))
        }
        switch (input.type, input.options) {
        case (.enum, nil), (.enum, []?):
            errors.append(AIToolFieldError(field: "\(path).options", code: "required", message: "an enum input lists its options"))
        case (.enum, let options?) where Set(options).count != options.count:
            errors.append(AIToolFieldError(field: "\(path).options", code: "duplicate_option", message: "options must be distinct"))
        case (.enum, _), (_, nil): break
        case (_, _?):
            errors.append(AIToolFieldError(field: "\(path).options", code: "not_allowed", message: "only enum inputs have options"))
        }
        return errors
    }
}
