/// A JSON value as Python's `json` module sees it: objects keep their key order, and integers
/// stay apart from floats, because ComfyUI echoes both back (`"number": 1` vs `-1000.0`,
/// `"value": 0.0` in `progress_state`, prompts returned in the order they were sent).
enum JSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object(JSONObject)

    var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    var arrayValue: [JSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value as a Python number (`bool` counts as an `int`, as in Python), or nil.
    var numberValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        case .bool(let value): value ? 1 : 0
        default: nil
        }
    }

    /// `obj[key]` for objects; nil for anything else or a missing key.
    subscript(key: String) -> JSON? {
        objectValue?[key]
    }

    /// `list[index]` for arrays; nil for anything else or an index out of range.
    subscript(index: Int) -> JSON? {
        guard let items = arrayValue, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// Python's `is_link`: a two-item list of a string node id and a numeric output index.
    var isLink: Bool {
        guard case .array(let items) = self, items.count == 2, case .string = items[0] else { return false }
        switch items[1] {
        case .int, .double: return true
        default: return false
        }
    }

    /// Python's name for the value's type, as it appears in exception messages.
    var pythonTypeName: String {
        switch self {
        case .null: "NoneType"
        case .bool: "bool"
        case .int: "int"
        case .double: "float"
        case .string: "str"
        case .array: "list"
        case .object: "dict"
        }
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(floatLiteral value: Double) { self = .double(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSON...) { self = .array(elements) }
    init(nilLiteral: ()) { self = .null }
    init(dictionaryLiteral elements: (String, JSON)...) { self = .object(JSONObject(elements)) }
}

extension JSON {
    /// A string, or null when absent: for fields like `parent_node_id`.
    static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

    static func strings(_ items: [String]) -> JSON { .array(items.map(JSON.string)) }
}
