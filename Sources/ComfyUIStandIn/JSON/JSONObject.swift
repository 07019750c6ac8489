/// A JSON object that remembers the order its keys were first set in, like a Python `dict`:
/// setting an existing key keeps its place, removing it forgets the place.
struct JSONObject: Sendable, Hashable, Sequence {
    private(set) var keys: [String] = []
    private var values: [String: JSON] = [:]

    init() {}

    init(_ pairs: [(String, JSON)]) {
        for (key, value) in pairs { self[key] = value }
    }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    subscript(key: String) -> JSON? {
        get { values[key] }
        set {
            guard let newValue else { return remove(key) }
            if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
        }
    }

    func contains(_ key: String) -> Bool { values[key] != nil }

    mutating func remove(_ key: String) {
        guard values.removeValue(forKey: key) != nil else { return }
        keys.removeAll { $0 == key }
    }

    func makeIterator() -> some IteratorProtocol<(key: String, value: JSON)> {
        keys.lazy.map { (key: $0, value: values[$0]!) }.makeIterator()
    }

    // Python compares dicts by content, whatever the order.
    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.values == rhs.values }
    func hash(into hasher: inout Hasher) { hasher.combine(values) }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, JSON)...) { self.init(elements) }
}
