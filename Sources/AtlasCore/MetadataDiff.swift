/// What changed in metadata between two versions, key by key.
/// Nested objects are compared member by member and reported with dotted paths (`exr.compression`).
public struct MetadataDiff: Sendable, Equatable, Codable {
    public struct Change: Sendable, Equatable, Codable {
        public var from: JSONValue
        public var to: JSONValue

        public init(from: JSONValue, to: JSONValue) {
            self.from = from
            self.to = to
        }
    }

    public var added: [String: JSONValue] = [:]
    public var removed: [String: JSONValue] = [:]
    public var changed: [String: Change] = [:]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    public init(from old: Metadata, to new: Metadata) {
        compare(old, new, prefix: "")
    }

    private mutating func compare(_ old: Metadata, _ new: Metadata, prefix: String) {
        for key in Set(old.keys).union(new.keys) {
            let path = prefix + key
            switch (old[key], new[key]) {
            case (nil, let value?): added[path] = value
            case (let value?, nil): removed[path] = value
            case (.object(let a)?, .object(let b)?): compare(a, b, prefix: path + ".")
            case (let a?, let b?) where a != b: changed[path] = Change(from: a, to: b)
            default: break
            }
        }
    }
}
