/// A file on a ComfyUI server: `{filename, subfolder, type}`, as uploads answer, outputs list and
/// `/view` takes.
public struct ComfyUIFileReference: Sendable, Hashable, Codable {
    public var filename: String
    /// `""` for the top of the folder.
    public var subfolder: String
    /// `output` (saved results), `temp` (previews, wiped when the server starts) or `input` (uploads).
    public var type: String

    public init(filename: String, subfolder: String = "", type: String = "output") {
        self.filename = filename
        self.subfolder = subfolder
        self.type = type
    }

    enum CodingKeys: String, CodingKey {
        case filename, subfolder, type
        // Upload answers say `name` where outputs say `filename`.
        case name
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let filename = try container.decodeIfPresent(String.self, forKey: .filename)
        self.filename = try filename ?? container.decode(String.self, forKey: .name)
        self.subfolder = try container.decodeIfPresent(String.self, forKey: .subfolder) ?? ""
        self.type = try container.decodeIfPresent(String.self, forKey: .type) ?? "output"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(filename, forKey: .filename)
        try container.encode(subfolder, forKey: .subfolder)
        try container.encode(type, forKey: .type)
    }

    /// How a `LoadImage` input names an uploaded file: `subfolder/name`, or `name` at the top.
    public var promptValue: String {
        subfolder.isEmpty ? filename : subfolder + "/" + filename
    }

    /// A saved result, not a preview.
    public var isOutput: Bool { type == "output" }
}
