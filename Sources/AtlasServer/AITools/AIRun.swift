import AtlasComfyUI
import AtlasCore
import Foundation

/// One execution of a tool version: queued as an `ai.run` job (same id), or answered from the
/// result cache at once (`cached`, no job). A run over every frame of a sequence is a parent run,
/// whose job (`ai.file_sequence`) files what its frame runs made as one sequence asset.
struct AIRun: Sendable {
    var id: UUID
    var toolVersionID: UUID
    var jobID: UUID?
    var projectID: UUID?
    /// Tool version + input content hashes + values (seeds included): equal keys, equal results.
    var cacheKey: String
    var cached: Bool
    var arguments: AIToolArguments
    /// The asset versions the run filed, once it succeeded.
    var results: [AIRunResult]?
    var server: String?
    var durationMilliseconds: Int?
    var createdAt: Date
    var createdBy: String?
    var finishedAt: Date?
    /// Total pixels of the image inputs when submitted; nil when any is unknown (not inspected yet,
    /// a sequence, not an image) or the tool takes no image.
    var inputPixels: Int? = nil
    /// For one frame of a run over a sequence: the sequence run, and the frame.
    var parentRunID: UUID? = nil
    var frame: Int? = nil
    /// For a run over every frame of a sequence: the image input that takes the frames.
    var sequenceInput: String? = nil
}

/// One result of a run: the new asset, its version and the tool output it came from.
struct AIRunResult: Sendable, Codable, Equatable {
    var assetID: UUID
    var versionID: UUID
    var output: String

    enum CodingKeys: String, CodingKey {
        case output
        case assetID = "asset_id", versionID = "version_id"
    }

    init(assetID: UUID, versionID: UUID, output: String) {
        self.assetID = assetID
        self.versionID = versionID
        self.output = output
    }

    /// Ids written lowercased, as everywhere else in the API (Foundation's UUID encodes capitals).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(assetID.lowercased, forKey: .assetID)
        try container.encode(versionID.lowercased, forKey: .versionID)
        try container.encode(output, forKey: .output)
    }
}
