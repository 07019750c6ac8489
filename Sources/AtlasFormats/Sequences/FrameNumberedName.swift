/// A file name split around its frame number: `shots/plate_v003.1001.exr` is prefix `shots/plate_v003.`,
/// frame 1001 written as `1001`, suffix `.exr`.
///
/// The frame number is the run of digits (optionally negative) that ends the name before its extension
/// and follows a `.` or `_` separator (or starts the name), so version and shot numbers earlier
/// in the name (`v003`, `sh010`) stay in the prefix.
public struct FrameNumberedName: Sendable, Hashable {
    public var prefix: String
    /// The digits as written, with a leading `-` for negative frames.
    public var frameText: String
    public var frame: Int
    public var suffix: String

    /// Frame numbers are at most this many digits, so they always fit an Int and a date or hash is not taken for one.
    static let maxDigits = 9

    public init?(_ fileName: String) {
        let characters = Array(fileName)
        let slash = characters.lastIndex(of: "/") ?? -1
        var extensionStart = characters.count
        if let dot = characters.lastIndex(of: "."), dot > slash + 1 { extensionStart = dot }
        var digitsStart = extensionStart
        while digitsStart > slash + 1, characters[digitsStart - 1].isASCII, characters[digitsStart - 1].isNumber {
            digitsStart -= 1
        }
        let digitCount = extensionStart - digitsStart
        guard digitCount >= 1, digitCount <= Self.maxDigits else { return nil }
        var numberStart = digitsStart
        if numberStart > slash + 1, characters[numberStart - 1] == "-",
           numberStart - 1 == slash + 1 || Self.isSeparator(characters[numberStart - 2]) {
            numberStart -= 1
        }
        guard numberStart == slash + 1 || Self.isSeparator(characters[numberStart - 1]) else { return nil }
        let text = String(characters[numberStart..<extensionStart])
        guard let frame = Int(text) else { return nil }
        prefix = String(characters[..<numberStart])
        frameText = text
        self.frame = frame
        suffix = String(characters[extensionStart...])
    }

    static func isSeparator(_ character: Character) -> Bool { character == "." || character == "_" }

    /// Digits written, without the sign.
    var digitCount: Int { frameText.hasPrefix("-") ? frameText.count - 1 : frameText.count }

    /// Whether the number is written with leading zeros (`0042`), which fixes the sequence's padding.
    var hasLeadingZero: Bool {
        let digits = frameText.hasPrefix("-") ? frameText.dropFirst() : frameText[...]
        return digits.count > 1 && digits.hasPrefix("0")
    }
}
