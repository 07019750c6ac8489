/// Finished prompts by id, oldest first, capped like ComfyUI's (`MAXIMUM_HISTORY_SIZE`).
/// A reused prompt id overwrites its entry in place, as assigning to a Python dict key does.
struct HistoryStore: Sendable {
    static let maximumSize = 10_000

    private(set) var entries = JSONObject()

    mutating func record(_ entry: JSONObject, for promptID: String) {
        if entries.count > Self.maximumSize, let oldest = entries.keys.first { entries.remove(oldest) }
        entries[promptID] = .object(entry)
    }

    mutating func remove(_ promptID: String) { entries.remove(promptID) }
    mutating func removeAll() { entries = JSONObject() }

    func entry(_ promptID: String) -> JSONObject? { entries[promptID]?.objectValue }

    /// `get_history(max_items, offset)`: a negative offset with `max_items` means the last ones.
    func page(maxItems: Int?, offset: Int) -> JSONObject {
        var start = offset
        if start < 0, let maxItems { start = entries.count - maxItems }
        var page = JSONObject()
        for (index, (key, value)) in entries.enumerated() where index >= start {
            page[key] = value
            if let maxItems, page.count >= maxItems { break }
        }
        return page
    }
}
