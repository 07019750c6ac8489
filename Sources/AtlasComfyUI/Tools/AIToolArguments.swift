import AtlasCore
import Foundation

/// A run's inputs after validation: every value that goes into the prompt, with defaults filled in
/// and seeds picked. Stored with the run, so a result can be made again from its metadata.
///
/// JSON: `{"values": {"radius": 3, "seed": 48213}, "images": {"plate": "<version id>"}, "generated_seeds": ["seed"]}`,
/// with `"files": {"plate": "plate.1001.png"}` when an image input takes one frame of its version.
public struct AIToolArguments: Sendable, Equatable, Codable {
    /// Values of the non-image inputs that were given or have a default, by input name.
    public var values: [String: JSONValue]
    /// The asset version of each image input, by input name.
    public var images: [String: UUID]
    /// The seed inputs whose value Atlas picked because the caller gave none.
    public var generatedSeeds: [String]
    /// The file of its version an image input takes, by input name, when not the version's first:
    /// one frame of a sequence in a run over every frame.
    public var files: [String: String]

    public init(values: [String: JSONValue], images: [String: UUID], generatedSeeds: [String] = [], files: [String: String] = [:]) {
        self.values = values
        self.images = images
        self.generatedSeeds = generatedSeeds
        self.files = files
    }

    /// Every input as a caller gives it: values as they are, image inputs as their version ids
    /// (lowercased). What a run shows, and what a re-run starts from.
    public var inputs: [String: JSONValue] {
        values.merging(images.mapValues { .string($0.uuidString.lowercased()) }) { _, image in image }
    }

    enum CodingKeys: String, CodingKey {
        case values, images, files
        case generatedSeeds = "generated_seeds"
    }

    /// Arguments stored before runs could take one file of a version have no `files`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        values = try container.decode([String: JSONValue].self, forKey: .values)
        images = try container.decode([String: UUID].self, forKey: .images)
        generatedSeeds = try container.decodeIfPresent([String].self, forKey: .generatedSeeds) ?? []
        files = try container.decodeIfPresent([String: String].self, forKey: .files) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(values, forKey: .values)
        try container.encode(images, forKey: .images)
        try container.encode(generatedSeeds, forKey: .generatedSeeds)
        if !files.isEmpty { try container.encode(files, forKey: .files) }
    }
}
