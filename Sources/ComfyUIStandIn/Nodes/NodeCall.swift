/// One run of a node: its resolved inputs and what it may touch.
struct NodeCall: Sendable {
    var nodeID: String
    var inputs: [String: NodeValue]
    /// The hidden `PROMPT` input: the prompt as validated.
    var prompt: JSON
    /// The hidden `EXTRA_PNGINFO` input, from the prompt's `extra_data`.
    var extraPNGInfo: JSON?
    var environment: NodeEnvironment
    /// The fault that makes save nodes lose their outputs.
    var missingOutputs: MissingOutputs
    var progress: ProgressReporter

    func value(_ name: String) -> NodeValue { inputs[name] ?? .missing }

    /// An `IMAGE` input; anything else fails as the tensor method call would in Python.
    func images(_ name: String) throws(PythonException) -> ImageBatch {
        switch value(name) {
        case .images(let batch), .mask(let batch): return batch
        case let other: throw PythonException(type: "AttributeError", message: "'\(other.pythonTypeName)' object has no attribute 'movedim'")
        }
    }

    func int(_ name: String) throws(PythonException) -> Int {
        guard case .literal(let value) = value(name), let number = value.numberValue else { throw wrongType(name, "int") }
        return Int(number)
    }

    func double(_ name: String) throws(PythonException) -> Double {
        guard case .literal(let value) = value(name), let number = value.numberValue else { throw wrongType(name, "float") }
        return number
    }

    func string(_ name: String) throws(PythonException) -> String {
        guard case .literal(let value) = value(name), let text = value.stringValue else { throw wrongType(name, "str") }
        return text
    }

    private func wrongType(_ name: String, _ expected: String) -> PythonException {
        .typeError("\(name) must be \(expected), not '\(value(name).pythonTypeName)'")
    }
}
