/// Which of an image's channels make the colour of its preview: an `oiiotool --ch` list that
/// always yields R, G, B (and A when asked and present).
///
/// In order of preference: `R,G,B`; the first layer that has all three (`beauty.R`, …);
/// luminance `Y` shown as grey; else the first channel shown as grey (a depth or mask pass).
public struct ChannelSelection: Sendable, Hashable {
    public var red: String
    public var green: String
    public var blue: String
    public var alpha: String?

    /// The selection for `channels` (in display order).
    public init(_ channels: [String]) {
        let names = channels.filter(Self.isSafe)
        let present = Set(names)
        if ["R", "G", "B"].allSatisfy(present.contains) {
            (red, green, blue, alpha) = ("R", "G", "B", present.contains("A") ? "A" : nil)
            return
        }
        for name in names where name.hasSuffix(".R") {
            let layer = String(name.dropLast(2))
            if present.contains("\(layer).G"), present.contains("\(layer).B") {
                (red, green, blue, alpha) = (name, "\(layer).G", "\(layer).B", present.contains("\(layer).A") ? "\(layer).A" : nil)
                return
            }
        }
        let grey = present.contains("Y") ? "Y" : (names.first { $0 != "A" } ?? "R")
        (red, green, blue, alpha) = (grey, grey, grey, present.contains("A") ? "A" : nil)
    }

    /// The `--ch` argument for `channels`, with alpha when `keepingAlpha` and the image has one.
    public static func argument(for channels: [String], keepingAlpha: Bool) -> String {
        ChannelSelection(channels).argument(keepingAlpha: keepingAlpha)
    }

    public func argument(keepingAlpha: Bool) -> String {
        var pairs = [("R", red), ("G", green), ("B", blue)]
        if keepingAlpha, let alpha { pairs.append(("A", alpha)) }
        // `R=R` is spelled `R`, so the common case reads as it always has.
        return pairs.map { $0 == $1 ? $0 : "\($0)=\($1)" }.joined(separator: ",")
    }

    /// A name that `--ch` cannot misread: commas and `=` are its separators.
    private static func isSafe(_ name: String) -> Bool {
        !name.isEmpty && !name.contains(",") && !name.contains("=")
    }
}
