/// An EXR part's compression, kept as its id so that ids newer than this parser still round-trip.
public struct EXRCompression: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Names by id, as `exrinfo -v` and the OpenEXR 3.5 Python binding spell them.
    static let names: [UInt8: String] = [
        0: "none", 1: "rle", 2: "zips", 3: "zip", 4: "piz", 5: "pxr24", 6: "b44", 7: "b44a",
        8: "dwaa", 9: "dwab", 10: "htj2k256", 11: "htj2k32", 12: "lj2k", 13: "zstd",
    ]

    /// Ids up to DWAB are decoded by every OpenEXR 3.x (Debian's 3.1 tools stop there).
    public static let newestWidelySupported: UInt8 = 9

    /// The name, or nil for an id no OpenEXR release this parser knows of has used.
    public var name: String? { Self.names[rawValue] }

    /// Whether the tools Atlas runs (OpenEXR 3.1, OIIO 2.4) can decode pixels compressed this way.
    public var isWidelySupported: Bool { rawValue <= Self.newestWidelySupported }

    /// Scanlines per chunk for scanline parts; nil when the id is unknown, so the layout cannot be derived.
    public var scanlinesPerChunk: Int? {
        switch rawValue {
        case 0, 1, 2: 1
        case 3, 5: 16
        case 4, 6, 7, 8: 32
        case 9: 256
        case 10: 256
        case 11: 32
        default: nil
        }
    }

    public var description: String { name.map { "\($0) (\(rawValue))" } ?? "unknown (\(rawValue))" }
}
