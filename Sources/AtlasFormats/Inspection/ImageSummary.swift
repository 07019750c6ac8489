import AtlasCore

/// The facts every image format shares, typed, so sequences can compare frames and callers need not dig in metadata.
public struct ImageSummary: Sendable, Hashable, Codable {
    public var width: Int
    public var height: Int
    /// Channel names in display order (`R, G, B, A` first); formats without names use `R, G, B, A` / `Y`.
    public var channelNames: [String]
    /// Bits per stored sample (the largest, when channels differ); nil when the format does not say.
    public var bitsPerSample: Int?
    /// Whether samples are floating point (EXR half/float, float TIFF, RGBE).
    public var isFloat: Bool

    public init(width: Int, height: Int, channelNames: [String], bitsPerSample: Int?, isFloat: Bool) {
        self.width = width
        self.height = height
        self.channelNames = channelNames
        self.bitsPerSample = bitsPerSample
        self.isFloat = isFloat
    }

    /// Default names for a channel count, for formats that store counts rather than names.
    static func channelNames(count: Int) -> [String] {
        switch count {
        case 1: ["Y"]
        case 2: ["Y", "A"]
        case 3: ["R", "G", "B"]
        case 4: ["R", "G", "B", "A"]
        default: (0..<max(0, min(count, 4096))).map { "channel\($0)" }
        }
    }

    var metadata: [String: JSONValue] {
        var object: [String: JSONValue] = [
            "width": .number(Double(width)), "height": .number(Double(height)),
            "channels": .array(channelNames.map(JSONValue.string)), "float": .bool(isFloat),
        ]
        if let bitsPerSample { object["bits_per_sample"] = .number(Double(bitsPerSample)) }
        return object
    }
}
