/// ComfyUI's `validate_inputs`: checks one node and, through its links, the nodes it depends on.
/// It converts widget values in the prompt as it goes (`"99999"` becomes `99999`), so the prompt
/// it leaves behind is the one that gets queued. Python exceptions it does not catch itself
/// propagate, as they do in Python, to the caller.
struct NodeInputValidator {
    struct Result {
        var valid: Bool
        var errors: [JSON]
    }

    let catalog: NodeCatalog
    let environment: NodeEnvironment
    private(set) var prompt: JSONObject
    /// Results by node, in the order Python's dict would hold them (a node after its inputs).
    private(set) var validated: [(node: String, result: Result)] = []
    private var visiting: [String] = []

    init(prompt: JSONObject, catalog: NodeCatalog, environment: NodeEnvironment) {
        self.prompt = prompt
        self.catalog = catalog
        self.environment = environment
    }

    func result(of node: String) -> Result? { validated.first { $0.node == node }?.result }

    mutating func record(_ node: String, _ result: Result) {
        if let index = validated.firstIndex(where: { $0.node == node }) {
            validated[index].result = result
        } else {
            validated.append((node, result))
        }
    }

    mutating func validate(_ node: String) throws(PythonException) -> Result {
        if let known = result(of: node) { return known }
        // Python recurses without a guard; a cycle ends in RecursionError.
        guard !visiting.contains(node) else {
            throw PythonException(type: "RecursionError", message: "maximum recursion depth exceeded")
        }
        let (definition, initialInputs) = try lookUp(node)
        var inputs = initialInputs
        var errors: [JSON] = [], valid = true
        let selfValidated = definition.operation.selfValidatedInputs
        for spec in definition.schema.inputs {
            guard let value = inputs[spec.name] else {
                if spec.category == .required { errors.append(ValidationIssue.requiredInputMissing(spec.name)) }
                continue
            }
            if case .array(let link) = value {
                switch try checkLink(link, value: value, spec: spec, from: node) {
                case .failed(let issue): errors.append(issue)
                case .invalidUpstream: valid = false
                case .fine: break
                }
                continue
            }
            let converted: JSON
            do {
                converted = try Self.convert(value, to: spec)
            } catch {
                errors.append(ValidationIssue.invalidInputType(spec, received: Self.unwrapped(value), exception: error))
                continue
            }
            inputs[spec.name] = converted
            // A failed comparison (`'<' not supported`) is not caught here in Python either.
            if !selfValidated.contains(spec.name), let issue = try Self.checkRange(converted, spec) { errors.append(issue) }
        }
        setInputs(inputs, of: node)
        if !selfValidated.isEmpty {
            errors += try customValidation(definition, inputs: inputs, selfValidated: selfValidated)
        }
        let result = Result(valid: valid && errors.isEmpty, errors: errors)
        record(node, result)
        return result
    }

    private enum LinkCheck {
        case fine, invalidUpstream, failed(JSON)
    }

    private mutating func checkLink(_ link: [JSON], value: JSON, spec: InputSpec, from node: String) throws(PythonException) -> LinkCheck {
        guard link.count == 2 else { return .failed(ValidationIssue.badLinkedInput(spec, received: value)) }
        let source = try sourceNode(link[0])
        let receivedType = try Self.outputType(of: catalog[source.classType]!.schema, at: link[1])
        if !Self.typesMatch(received: receivedType, expected: spec.type) {
            return .failed(ValidationIssue.returnTypeMismatch(spec, receivedType: receivedType, link: value))
        }
        visiting.append(node)
        defer { visiting.removeLast() }
        do {
            return try validate(source.id).valid ? .fine : .invalidUpstream
        } catch {
            record(source.id, Result(valid: false, errors: [ValidationIssue.exceptionDuringInnerValidation(spec, link: value, exception: error)]))
            return .invalidUpstream
        }
    }

    /// `prompt[o_id]['class_type']` with Python's lookup failures.
    private func sourceNode(_ id: JSON) throws(PythonException) -> (id: String, classType: String) {
        switch id {
        case .array, .object: throw .typeError("unhashable type: '\(id.pythonTypeName)'")
        case .string(let key):
            guard let classType = prompt[key]?["class_type"]?.stringValue else { throw .keyError(id) }
            return (key, classType)
        default: throw .keyError(id)
        }
    }

    private func lookUp(_ node: String) throws(PythonException) -> (NodeDefinition, JSONObject) {
        guard let entry = prompt[node]?.objectValue else { throw .keyError(.string(node)) }
        guard let inputs = entry["inputs"] else { throw .keyError("inputs") }
        guard let inputObject = inputs.objectValue else { throw .typeError("list indices must be integers or slices, not str") }
        guard let classType = entry["class_type"]?.stringValue, let definition = catalog[classType] else {
            throw .keyError(entry["class_type"] ?? .null)
        }
        return (definition, inputObject)
    }

    private mutating func setInputs(_ inputs: JSONObject, of node: String) {
        guard var entry = prompt[node]?.objectValue else { return }
        entry["inputs"] = .object(inputs)
        prompt[node] = .object(entry)
    }

    /// `VALIDATE_INPUTS`, called with the node's own values (links pass `None`).
    private func customValidation(_ definition: NodeDefinition, inputs: JSONObject, selfValidated: [String]) throws(PythonException) -> [JSON] {
        var arguments: [String: JSON] = [:]
        for (name, value) in inputs where selfValidated.contains(name) && definition.schema.input(named: name) != nil {
            arguments[name] = value.isLink ? .null : value
        }
        for name in selfValidated where arguments[name] == nil {
            throw .typeError("\(definition.schema.classType).VALIDATE_INPUTS() missing 1 required positional argument: '\(name)'")
        }
        guard let reason = try definition.operation.validate(arguments, environment: environment) else { return [] }
        return inputs.keys.filter { arguments[$0] != nil }.map { ValidationIssue.customValidationFailed($0, reason: reason) }
    }
}
