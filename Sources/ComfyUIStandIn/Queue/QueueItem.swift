/// An entry of ComfyUI's prompt queue: `(number, prompt_id, prompt, extra_data, outputs_to_execute)`
/// plus the secrets taken out of `extra_data` (sent back to nobody).
struct QueueItem: Sendable {
    /// The priority: an `int` from the server's counter, or a `float` the client gave.
    var number: JSON
    var promptID: String
    var prompt: JSON
    var extraData: JSONObject
    var outputsToExecute: [String]
    var sensitive: JSONObject

    /// The five-item array `/queue`, `/history` and `/api/jobs` show.
    var json: JSON {
        .array([number, .string(promptID), prompt, .object(extraData), .strings(outputsToExecute)])
    }

    /// The socket the prompt's frames go to; `null` counts as none, as `None` does in Python.
    var clientID: String? {
        guard let value = extraData["client_id"], value != .null else { return nil }
        return PythonText.str(value)
    }

    var createTime: JSON? { extraData["create_time"] }

    /// Python's tuple order, on which the queue is a min-heap: number, then prompt id.
    static func precedes(_ left: QueueItem, _ right: QueueItem) -> Bool {
        let a = left.number.numberValue ?? 0, b = right.number.numberValue ?? 0
        if a != b { return a < b }
        return left.promptID.unicodeScalars.map(\.value).lexicographicallyPrecedes(right.promptID.unicodeScalars.map(\.value))
    }
}
