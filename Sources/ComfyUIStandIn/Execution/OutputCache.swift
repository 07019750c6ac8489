/// ComfyUI's default "classic" cache: node results by signature, keeping only what the prompt
/// being run uses. So an identical resubmit runs nothing, and A, B, A runs A in full again.
actor OutputCache {
    struct Entry: Sendable {
        var outputs: [NodeValue]
        /// `{"meta": …, "output": …}` of an output node, re-sent when it is served from cache.
        var ui: JSONObject?
    }

    private var entries: [String: Entry] = [:]

    /// `set_prompt` + `clean_unused`: drops everything the new prompt's signatures do not name.
    func keepOnly(_ signatures: Set<String>) {
        entries = entries.filter { signatures.contains($0.key) }
    }

    func entry(_ signature: String) -> Entry? { entries[signature] }

    func store(_ entry: Entry, for signature: String) { entries[signature] = entry }

    /// `POST /free {"free_memory": true}` resets the executor, and the cache with it.
    func reset() { entries = [:] }
}
