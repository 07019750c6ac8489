import AtlasCore

/// The body of a re-run request.
struct RerunAIJobInput: Decodable, Sendable {
    var inputs: [String: JSONValue]?
    var fresh: Bool?
    var latestVersion: Bool?

    enum CodingKeys: String, CodingKey {
        case inputs, fresh
        case latestVersion = "latest_version"
    }
}
