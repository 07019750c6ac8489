/// A sequence's name template: prefix, frame padding and suffix, parsed from or written as the
/// notations VFX tools use: `plate.####.exr`, `plate.#.exr` (one `#` means 4 digits), `plate.@@@@.exr`,
/// `plate.%04d.exr`, `plate.$F4.exr`. Padding 0 means unpadded (`%d`, `$F`).
public struct SequencePattern: Sendable, Hashable {
    public var prefix: String
    public var padding: Int
    public var suffix: String

    public init(prefix: String, padding: Int, suffix: String) {
        self.prefix = prefix
        self.padding = padding
        self.suffix = suffix
    }

    /// Parses the last frame token in `notation`; nil when it has none.
    public init?(parsing notation: String) {
        let characters = Array(notation)
        var index = characters.count - 1
        while index >= 0 {
            if let (start, padding) = Self.token(endingAt: index, in: characters) {
                prefix = String(characters[..<start])
                self.padding = padding
                suffix = String(characters[(index + 1)...])
                return
            }
            index -= 1
        }
        return nil
    }

    /// A frame token that ends at `end`: its start and the padding it means.
    private static func token(endingAt end: Int, in c: [Character]) -> (Int, Int)? {
        if c[end] == "#" || c[end] == "@" {
            var start = end
            while start > 0, c[start - 1] == c[end] { start -= 1 }
            let count = end - start + 1
            return (start, c[end] == "#" && count == 1 ? 4 : count)
        }
        if c[end] == "d" {
            // %d or %0Nd / %Nd
            var start = end - 1
            while start >= 0, c[start].isASCII, c[start].isNumber { start -= 1 }
            guard start >= 0, c[start] == "%" else { return nil }
            let width = Int(String(c[(start + 1)..<end])) ?? 0
            return (start, width)
        }
        if c[end].isASCII, c[end].isNumber || c[end] == "F" {
            // $F or $FN
            var start = end
            while start >= 0, c[start].isASCII, c[start].isNumber { start -= 1 }
            guard start >= 1, c[start] == "F", c[start - 1] == "$" else { return nil }
            let width = start == end ? 0 : Int(String(c[(start + 1)...end])) ?? 0
            return (start - 1, width)
        }
        return nil
    }

    /// The file name of one frame.
    public func fileName(frame: Int) -> String {
        let digits = String(frame.magnitude)
        let padded = String(repeating: "0", count: max(0, padding - digits.count)) + digits
        return prefix + (frame < 0 ? "-" : "") + padded + suffix
    }

    /// The frame number `fileName` has in this sequence, or nil when it is not one of its frames.
    /// A number wider than the padding belongs (10000 in a 4-digit sequence); a narrower one does not.
    public func frame(of fileName: String) -> Int? {
        guard let name = FrameNumberedName(fileName), name.prefix == prefix, name.suffix == suffix else { return nil }
        if padding > 0 {
            guard name.digitCount == padding || (name.digitCount > padding && !name.hasLeadingZero) else { return nil }
        } else if name.hasLeadingZero {
            return nil
        }
        return name.frame
    }

    /// `plate.####.exr` (`plate.@.exr` when unpadded).
    public var hashNotation: String { prefix + (padding == 0 ? "@" : String(repeating: "#", count: padding)) + suffix }
    /// `plate.%04d.exr` (`plate.%d.exr` when unpadded), as Nuke and ffmpeg write it.
    public var printfNotation: String { prefix + (padding == 0 ? "%d" : "%0\(padding)d") + suffix }
    /// `plate.$F4.exr` (`plate.$F.exr` when unpadded), as Houdini writes it.
    public var houdiniNotation: String { prefix + (padding == 0 ? "$F" : "$F\(padding)") + suffix }
}
