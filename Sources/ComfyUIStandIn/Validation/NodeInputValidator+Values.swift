import Foundation

/// The value rules of `validate_inputs`: conversions by declared type, ranges, combos, link types.
extension NodeInputValidator {
    /// `{"__value__": [...]}` wraps a list literal so it is not read as a link.
    static func unwrapped(_ value: JSON) -> JSON {
        if case .object(let object) = value, let inner = object["__value__"] { return inner }
        return value
    }

    static func convert(_ value: JSON, to spec: InputSpec) throws(PythonException) -> JSON {
        let value = unwrapped(value)
        switch spec.typeName {
        case "INT": return try PythonConversion.int(value)
        case "FLOAT": return .double(try PythonConversion.float(value))
        case "STRING": return .string(PythonConversion.str(value))
        case "BOOLEAN": return .bool(PythonConversion.truthy(value))
        default: return value
        }
    }

    /// `min`, `max` and combo membership; nil when the value passes.
    static func checkRange(_ value: JSON, _ spec: InputSpec) throws(PythonException) -> JSON? {
        if let minimum = spec.options["min"], try lessThan(value, minimum) {
            return ValidationIssue.outOfRange(spec, value: value, bound: minimum, below: true)
        }
        if let maximum = spec.options["max"], try lessThan(maximum, value) {
            return ValidationIssue.outOfRange(spec, value: value, bound: maximum, below: false)
        }
        if let options = spec.comboValues, !options.contains(where: { pythonEqual($0, value) }) {
            return ValidationIssue.notInList(spec, value: value, options: options)
        }
        return nil
    }

    /// Python's `<` between the numbers (and strings) a prompt can hold.
    private static func lessThan(_ left: JSON, _ right: JSON) throws(PythonException) -> Bool {
        if let a = left.numberValue, let b = right.numberValue { return a < b }
        if case .string(let a) = left, case .string(let b) = right {
            return a.unicodeScalars.map(\.value).lexicographicallyPrecedes(b.unicodeScalars.map(\.value))
        }
        throw .typeError("'<' not supported between instances of '\(left.pythonTypeName)' and '\(right.pythonTypeName)'")
    }

    /// Python's `==`: `1 == 1.0 == True`.
    static func pythonEqual(_ left: JSON, _ right: JSON) -> Bool {
        if let a = left.numberValue, let b = right.numberValue { return a == b }
        return left == right
    }

    /// `RETURN_TYPES[index]`, with Python's negative indices and its errors.
    static func outputType(of schema: NodeSchema, at index: JSON) throws(PythonException) -> String {
        let position: Int
        switch index {
        case .int(let value): position = value
        case .bool(let value): position = value ? 1 : 0
        default: throw .typeError("tuple indices must be integers or slices, not \(index.pythonTypeName)")
        }
        let resolved = position < 0 ? schema.outputTypes.count + position : position
        guard schema.outputTypes.indices.contains(resolved) else {
            throw PythonException(type: "IndexError", message: "tuple index out of range")
        }
        return schema.outputTypes[resolved]
    }

    /// `validate_node_input`: equal types, a `*` on either side, or comma-separated types that meet.
    static func typesMatch(received: String, expected: JSON) -> Bool {
        guard case .string(let wanted) = expected else { return false }
        if received == wanted { return true }
        let receivedTypes = Set(received.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let wantedTypes = Set(wanted.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        if receivedTypes.contains("*") || wantedTypes.contains("*") { return true }
        return !receivedTypes.isDisjoint(with: wantedTypes)
    }
}
