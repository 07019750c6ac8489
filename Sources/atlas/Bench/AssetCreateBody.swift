/// The JSON of `POST /api/v1/assets`, as the benchmarks send it.
struct AssetCreateBody: Encodable, Sendable {
    /// A stored blob placed in the first version under `path`.
    struct File: Encodable, Sendable {
        var path: String
        var sha256: String
    }

    /// Small, typical per-asset metadata.
    struct Metadata: Encodable, Sendable {
        var artist: String
        var shot: String
        var frameStart: Int
        var frameEnd: Int
        var resolution: String

        enum CodingKeys: String, CodingKey {
            case artist, shot, resolution
            case frameStart = "frame_start", frameEnd = "frame_end"
        }
    }

    var projectID: String
    var name: String
    var type: String
    var description: String?
    var tags: [String]?
    var metadata: Metadata?
    var files: [File]?

    enum CodingKeys: String, CodingKey {
        case name, type, description, tags, metadata, files
        case projectID = "project_id"
    }
}
