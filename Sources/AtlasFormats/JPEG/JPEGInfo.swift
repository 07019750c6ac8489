/// What a JPEG's markers declare, read without decoding the entropy-coded data.
public struct JPEGInfo: Sendable, Hashable {
    public var width = 0
    public var height = 0
    /// Bits per sample (8 for ordinary JPEGs, 12 for some medical and camera files).
    public var precision = 0
    public var componentCount = 0
    /// The SOF marker's code (0xC0 baseline, 0xC2 progressive, …).
    public var frameMarker: UInt8 = 0
    /// EXIF orientation (1–8), when an EXIF block carries one.
    public var orientation: Int?
    public var hasJFIF = false
    public var hasEXIF = false
    public var hasICCProfile = false
    /// Adobe APP14 colour transform, when present (0 none/CMYK, 1 YCbCr, 2 YCCK).
    public var adobeTransform: Int?
    public var scanCount = 0
    public var hasEnd = false

    public var isProgressive: Bool { [0xC2, 0xC6, 0xCA, 0xCE].contains(frameMarker) }
    public var isLossless: Bool { [0xC3, 0xC7, 0xCB, 0xCF].contains(frameMarker) }
    public var isArithmeticCoded: Bool { frameMarker >= 0xC9 }

    /// The size as displayed: orientations 5–8 rotate by 90°, swapping width and height.
    public var displayWidth: Int { (orientation ?? 1) >= 5 ? height : width }
    public var displayHeight: Int { (orientation ?? 1) >= 5 ? width : height }

    /// Whether a marker code starts a frame (SOF0–SOF15 except DHT, JPG and DAC, which share the range).
    static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
    }
}
