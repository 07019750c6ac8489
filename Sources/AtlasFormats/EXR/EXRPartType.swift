/// The kind of image an EXR part stores, from its `type` attribute or the file's flags.
public enum EXRPartType: String, Sendable, Hashable, Codable {
    case scanlineImage = "scanlineimage"
    case tiledImage = "tiledimage"
    case deepScanline = "deepscanline"
    case deepTile = "deeptile"

    public var isTiled: Bool { self == .tiledImage || self == .deepTile }
    public var isDeep: Bool { self == .deepScanline || self == .deepTile }
}
