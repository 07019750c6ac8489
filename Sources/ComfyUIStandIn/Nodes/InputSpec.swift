/// One declared input of a node class, read from its `node_info` (`INPUT_TYPES()` in Python).
struct InputSpec: Sendable, Hashable {
    enum Category: String, Sendable {
        case required, optional
    }

    var name: String
    var category: Category
    /// `"INT"`, `"IMAGE"`, … or, for a combo, the list of allowed values.
    var type: JSON
    /// The options dictionary (`min`, `max`, `default`, …); `{}` when the spec has none.
    var options: JSONObject

    var typeName: String? { type.stringValue }
    var comboValues: [JSON]? { type.arrayValue }

    /// `input_config` in validation errors: always the pair `[type, options]`.
    var config: JSON { .array([type, .object(options)]) }
}
