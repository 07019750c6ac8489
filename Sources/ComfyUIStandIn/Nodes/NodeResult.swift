/// What one node run produced: a value per output slot and the UI output it reports
/// (`{"images": [...]}` for save and preview nodes, empty for the others).
struct NodeResult: Sendable {
    var outputs: [NodeValue]
    var ui: JSONObject = JSONObject()
}
