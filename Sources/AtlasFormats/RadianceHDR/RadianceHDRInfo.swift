/// What a Radiance `.hdr` text header declares.
public struct RadianceHDRInfo: Sendable, Hashable {
    /// The program line without `#?` (`RADIANCE` or `RGBE`).
    public var programType: String
    /// `32-bit_rle_rgbe` or `32-bit_rle_xyze`; RGBE when the header has no FORMAT line, as the format defines.
    public var pixelFormat: String
    public var exposure: Double?
    public var gamma: Double?
    public var primaries: String?
    public var software: String?
    /// The resolution line as written (`-Y 512 +X 1024` is the standard orientation).
    public var resolutionLine: String
    public var width: Int
    public var height: Int
    /// Scanlines stored and pixels per scanline (for `+X … -Y …` orientations they are columns).
    public var scanlineCount: Int
    public var scanlineLength: Int
    /// Offset of the first scanline.
    public var dataOffset: Int

    /// Whether the image is stored top to bottom, left to right (`-Y H +X W`), the only layout most tools write.
    public var isStandardOrientation: Bool { resolutionLine.hasPrefix("-Y") && resolutionLine.contains("+X") }
}
