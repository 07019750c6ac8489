/// `json_data[key]` and `for x in value` over JSON bodies, with Python's failures.
enum PythonIteration {
    static func item(_ key: String, of container: JSON) throws(PythonException) -> JSON {
        guard case .object(let object) = container else {
            throw .typeError("\(container.pythonTypeName) indices must be integers or slices, not str")
        }
        guard let value = object[key] else { throw .keyError(.string(key)) }
        return value
    }

    /// Lists give their items, strings their characters, dicts their keys.
    static func elements(of value: JSON) throws(PythonException) -> [JSON] {
        switch value {
        case .array(let items): return items
        case .string(let text): return text.map { .string(String($0)) }
        case .object(let object): return object.keys.map(JSON.string)
        default: throw .typeError("'\(value.pythonTypeName)' object is not iterable")
        }
    }
}
