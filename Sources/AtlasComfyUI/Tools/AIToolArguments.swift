import AtlasCore
import Foundation

/// A run's inputs after validation: every value that goes into the prompt, with defaults filled in
/// and seeds picked. Stored with the run, so a result can be made again from its metadata.
///
/// JSON: `{"values": {"radius": 3, "seed": 48213}, "images": {"plate": "<version id>"}, "generated_seeds": ["seed"]}`.
public struct AIToolArguments: Sendable, Equatable, Codable {
    /// Values of the non-image inputs that were given or have a default, by input name.
    public var values: [String: JSONValue]
    /// The asset version of each image input, by input name.
    public var images: [String: UUID]
    /// The seed inputs whose value Atlas picked because the caller gave none.
    public var generatedSeeds: [String]

    public init(values: [String: JSONValue], images: [String: UUID], generatedSeeds: [String] = []) {
        self.values = values
        self.images = images
        self.generatedSeeds = generatedSeeds
    }

    /// Every input as a caller gives it: values as they are, image inputs as their version ids
    /// (lowercased). What a run shows, and what a re-run starts from.
    public var inputs: [String: JSONValue] {
        values.merging(images.mapValues { .string($0.uuidString.lowercased()) }) { _, image in image }
    }

    enum CodingKeys: String, CodingKey {
        case values, images
        case generatedSeeds = "generated_seeds"
    }
}
