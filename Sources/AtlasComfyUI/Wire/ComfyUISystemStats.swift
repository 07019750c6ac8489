import AtlasCore

/// `GET /system_stats`: what a server is and what it runs on.
public struct ComfyUISystemStats: Sendable, Equatable, Decodable {
    /// One compute device (`cpu`, `cuda:0`, …).
    public struct Device: Sendable, Equatable, Decodable {
        public var name: String
        public var type: String
        public var vramTotal: Int64?
        public var vramFree: Int64?

        enum CodingKeys: String, CodingKey {
            case name, type
            case vramTotal = "vram_total"
            case vramFree = "vram_free"
        }
    }

    public var comfyUIVersion: String?
    public var os: String?
    public var pythonVersion: String?
    public var pytorchVersion: String?
    public var ramTotal: Int64?
    public var ramFree: Int64?
    public var argv: [String]
    public var devices: [Device]

    enum CodingKeys: String, CodingKey {
        case system, devices
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let system = try container.decode([String: JSONValue].self, forKey: .system)
        self.comfyUIVersion = system["comfyui_version"]?.text
        self.os = system["os"]?.text
        self.pythonVersion = system["python_version"]?.text
        self.pytorchVersion = system["pytorch_version"]?.text
        self.ramTotal = system["ram_total"]?.number.map { Int64($0) }
        self.ramFree = system["ram_free"]?.number.map { Int64($0) }
        if case .array(let argv)? = system["argv"] { self.argv = argv.compactMap(\.text) } else { self.argv = [] }
        self.devices = try container.decodeIfPresent([Device].self, forKey: .devices) ?? []
    }
}
