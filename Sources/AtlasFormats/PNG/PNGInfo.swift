/// What a PNG's chunks declare, read without inflating the image data.
public struct PNGInfo: Sendable, Hashable {
    public var width: Int
    public var height: Int
    /// Bits per sample as stored (a palette image can be as low as 1; OIIO expands it to 8-bit RGB).
    public var bitDepth: Int
    /// 0 gray, 2 RGB, 3 palette, 4 gray + alpha, 6 RGBA.
    public var colorType: Int
    public var interlaced: Bool
    /// Chunk types in file order, IDAT collapsed to one entry.
    public var chunkTypes: [String]
    /// `gAMA` divided by 100000, when present.
    public var gamma: Double?
    /// The `sRGB` rendering intent, when present.
    public var sRGBIntent: Int?
    /// The `iCCP` profile name, when present.
    public var iccProfileName: String?
    public var hasChromaticities: Bool
    public var hasEnd: Bool

    /// Channels after decoding: a palette expands to RGB (or RGBA with a `tRNS` chunk, which is not counted here).
    public var channelCount: Int {
        switch colorType {
        case 0: 1
        case 4: 2
        case 2, 3: 3
        default: 4
        }
    }

    /// Whether the colour type and bit depth are a combination the PNG specification allows.
    static func isValid(colorType: Int, bitDepth: Int) -> Bool {
        switch colorType {
        case 0: [1, 2, 4, 8, 16].contains(bitDepth)
        case 3: [1, 2, 4, 8].contains(bitDepth)
        case 2, 4, 6: [8, 16].contains(bitDepth)
        default: false
        }
    }
}
