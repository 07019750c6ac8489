/// A model file a tool expects on the ComfyUI server. Documentation for whoever installs the tool;
/// Atlas does not fetch models.
///
/// JSON: `{"folder": "checkpoints", "file": "sd_xl_base_1.0.safetensors", "url": "https://…"}`.
public struct AIToolModel: Sendable, Equatable, Codable {
    /// The ComfyUI model folder (`checkpoints`, `upscale_models`, `loras`, …), as `GET /models` names it.
    public var folder: String
    /// The file name inside that folder.
    public var file: String
    public var description: String?
    /// Where to download it.
    public var url: String?
    /// The file's SHA-256, to check a download.
    public var sha256: String?

    public init(folder: String, file: String, description: String? = nil, url: String? = nil, sha256: String? = nil) {
        self.folder = folder
        self.file = file
        self.description = description
        self.url = url
        self.sha256 = sha256
    }
}
