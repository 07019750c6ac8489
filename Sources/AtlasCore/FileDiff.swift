/// What changed in the files between two versions, by path and content hash.
public struct FileDiff: Sendable, Equatable, Codable {
    public struct Changed: Sendable, Equatable, Codable {
        public var path: String
        public var fromSHA256: ContentHash
        public var toSHA256: ContentHash

        enum CodingKeys: String, CodingKey {
            case path, fromSHA256 = "from_sha256", toSHA256 = "to_sha256"
        }
    }

    public var added: [String] = []
    public var removed: [String] = []
    public var changed: [Changed] = []
    public var unchanged: [String] = []

    /// Compares two versions' files given as path → hash.
    public init(from old: [String: ContentHash], to new: [String: ContentHash]) {
        for path in Set(old.keys).union(new.keys).sorted() {
            switch (old[path], new[path]) {
            case (nil, _?): added.append(path)
            case (_?, nil): removed.append(path)
            case (let a?, let b?) where a != b: changed.append(Changed(path: path, fromSHA256: a, toSHA256: b))
            default: unchanged.append(path)
            }
        }
    }
}
