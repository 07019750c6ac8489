/// The per-node progress of a running prompt, sent whole in every `progress_state` frame.
/// A node that starts shows `0.0` of `1.0`; a progress bar replaces both with integers; a
/// finished node shows its maximum reached; a cached output node appears finished at `1` of `1`.
struct ProgressState: Sendable {
    private struct Entry: Sendable {
        var value: JSON
        var max: JSON
        var state: String
    }

    private var order: [String] = []
    private var entries: [String: Entry] = [:]

    mutating func start(_ node: String) { set(node, Entry(value: .double(0), max: .double(1), state: "running")) }

    mutating func update(_ node: String, value: Int, max: Int) {
        set(node, Entry(value: .int(value), max: .int(max), state: "running"))
    }

    mutating func finish(_ node: String) {
        var entry = entries[node] ?? Entry(value: .int(1), max: .int(1), state: "finished")
        entry.value = entry.max
        entry.state = "finished"
        set(node, entry)
    }

    func json(promptID: String) -> JSON {
        var nodes = JSONObject()
        for node in order {
            let entry = entries[node]!
            nodes[node] = ["value": entry.value, "max": entry.max, "state": .string(entry.state), "node_id": .string(node),
                           "prompt_id": .string(promptID), "display_node_id": .string(node), "parent_node_id": .null,
                           "real_node_id": .string(node)]
        }
        return ["prompt_id": .string(promptID), "nodes": .object(nodes)]
    }

    private mutating func set(_ node: String, _ entry: Entry) {
        if entries.updateValue(entry, forKey: node) == nil { order.append(node) }
    }
}
