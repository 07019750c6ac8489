/// What validation and execution need to know about a node class, read from its `node_info`.
struct NodeSchema: Sendable {
    var classType: String
    /// The `node_info` as ComfyUI serves it.
    var info: JSONObject
    /// Required inputs first, then optional ones, each in declared order.
    var inputs: [InputSpec]
    var outputTypes: [String]
    var isOutputNode: Bool

    init(classType: String, info: JSONObject) {
        self.classType = classType
        self.info = info
        let declared = info["input"]?.objectValue ?? JSONObject()
        inputs = [InputSpec.Category.required, .optional].flatMap { category in
            (declared[category.rawValue]?.objectValue ?? JSONObject()).map { name, spec in
                let parts = spec.arrayValue ?? []
                return InputSpec(name: name, category: category, type: parts.first ?? .null,
                                 options: parts.count > 1 ? parts[1].objectValue ?? JSONObject() : JSONObject())
            }
        }
        outputTypes = (info["output"]?.arrayValue ?? []).compactMap(\.stringValue)
        isOutputNode = info["output_node"] == .bool(true)
    }

    func input(named name: String) -> InputSpec? { inputs.first { $0.name == name } }
}
