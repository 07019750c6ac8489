import AtlasCore

/// Distinct names in the order first seen, keeping at most `limit` of them, so a file with a million
/// groups gives a bounded list (and says that it was cut) rather than an unbounded one.
struct BoundedNames {
    let limit: Int
    private(set) var names: [String] = []
    private var seen: Set<String> = []
    /// True when a new name arrived after the list was full.
    private(set) var overflowed = false

    init(limit: Int) { self.limit = limit }

    mutating func insert(_ name: String) {
        guard !seen.contains(name) else { return }
        guard names.count < limit else {
            overflowed = true
            return
        }
        seen.insert(name)
        names.append(name)
    }

    var json: JSONValue { .array(names.map(JSONValue.string)) }
}
