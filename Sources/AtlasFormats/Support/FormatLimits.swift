/// Caps that the native parsers enforce before they trust a declared size, so a few hundred bytes
/// declaring a 1,000,000 × 1,000,000 image are reported rather than allocated or looped over.
public struct FormatLimits: Sendable, Hashable {
    /// Largest width or height accepted.
    public var maxDimension: Int
    /// Largest width × height accepted (per part, per level 0).
    public var maxPixels: Int
    /// Largest number of bytes a header (all EXR part headers together) may take.
    public var maxHeaderBytes: Int
    /// Largest number of attributes in one EXR part header.
    public var maxAttributes: Int
    /// Largest size of one EXR attribute value.
    public var maxAttributeBytes: Int
    /// Largest number of parts in a multi-part EXR.
    public var maxParts: Int
    /// Largest number of channels in one part.
    public var maxChannels: Int
    /// Largest number of chunks (offset table entries) in one EXR part.
    public var maxChunks: Int
    /// Largest number of chunks, segments or IFDs a PNG, JPEG or TIFF walk visits.
    public var maxStructures: Int
    /// Largest number of bytes of a text scene layer (usda) that is read and parsed.
    public var maxTextBytes: Int = 64 << 20
    /// Largest number of tokens a text layer parse visits.
    public var maxTextTokens: Int = 1 << 24
    /// Deepest nesting of prims and brackets a text layer parse follows.
    public var maxNestingDepth: Int = 128
    /// Largest number of members read from an archive's (a usdz package's) central directory.
    public var maxArchiveMembers: Int = 1 << 16

    public init(
        maxDimension: Int = 1 << 20,
        maxPixels: Int = 1 << 31,
        maxHeaderBytes: Int = 64 << 20,
        maxAttributes: Int = 4096,
        maxAttributeBytes: Int = 16 << 20,
        maxParts: Int = 4096,
        maxChannels: Int = 4096,
        maxChunks: Int = 1 << 22,
        maxStructures: Int = 1 << 20
    ) {
        self.maxDimension = maxDimension
        self.maxPixels = maxPixels
        self.maxHeaderBytes = maxHeaderBytes
        self.maxAttributes = maxAttributes
        self.maxAttributeBytes = maxAttributeBytes
        self.maxParts = maxParts
        self.maxChannels = maxChannels
        self.maxChunks = maxChunks
        self.maxStructures = maxStructures
    }

    /// The defaults: 1M pixels on a side and 2 gigapixels per image, far above any plate or texture in use.
    public static let standard = FormatLimits()

    /// Throws `imageTooLarge` when a declared width × height is beyond these limits.
    func checkImageSize(width: Int, height: Int, what: String) throws {
        if width > maxDimension || height > maxDimension || width.multipliedReportingOverflow(by: height).overflow
            || width * height > maxPixels {
            throw ParseFailure.imageTooLarge(
                "\(what) declares \(width) × \(height) pixels, above the limit of \(maxDimension) per side "
                    + "and \(maxPixels) in all")
        }
    }
}
