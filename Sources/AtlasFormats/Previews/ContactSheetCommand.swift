/// The `oiiotool` run that lays evenly spaced frames of a sequence out in a grid.
///
/// Each frame is read (first part, colour channels as `ChannelSelection` picks them for the
/// reference frame), scaled to one tile size, and the tiles are joined with `--mosaic`. The
/// sheet fits `PreviewKind.contactSheet.longestSide`; tiles are never enlarged.
public struct ContactSheetCommand: Sendable {
    /// At most this many frames are shown (a 4 × 4 grid).
    public static let maxFrames = 16
    /// Pixels between tiles.
    public static let padding = 8

    /// The frames' files, in frame order.
    public var frames: [String]
    /// The frame whose size and channels stand for all (the middle one).
    public var reference: ImageSummary
    public var output: String

    public init(frames: [String], reference: ImageSummary, output: String) {
        self.frames = frames
        self.reference = reference
        self.output = output
    }

    /// Up to `count` items spread evenly from the first to the last.
    public static func evenlySpaced<T>(_ items: [T], count: Int = maxFrames) -> [T] {
        guard items.count > count, count > 1 else { return Array(items.prefix(max(count, 0))) }
        return (0..<count).map { items[Int((Double($0) * Double(items.count - 1) / Double(count - 1)).rounded())] }
    }

    /// Columns and rows for `count` tiles: as square as possible, wider than tall.
    public static func grid(for count: Int) -> (columns: Int, rows: Int) {
        let columns = max(1, Int(Double(count).squareRoot().rounded(.up)))
        return (columns, max(1, (count + columns - 1) / columns))
    }

    /// The size every tile is scaled to.
    var tileSize: (width: Int, height: Int) {
        let (columns, rows) = Self.grid(for: frames.count)
        let limit = Double(PreviewKind.contactSheet.longestSide)
        let width = Double(max(reference.width, 1)), height = Double(max(reference.height, 1))
        let scale = min(1, (limit - Double(Self.padding * (columns - 1))) / (Double(columns) * width),
                        (limit - Double(Self.padding * (rows - 1))) / (Double(rows) * height))
        return (max(1, Int(width * scale)), max(1, Int(height * scale)))
    }

    public var arguments: [String] {
        let channels = ChannelSelection.argument(for: reference.channelNames, keepingAlpha: false)
        let tile = PreviewSize.argument(tileSize)
        var arguments = ["--nosoftwareattrib"]
        for frame in frames {
            arguments += [frame, "--subimage", "0", "--ch", channels, "--resize", tile]
        }
        let (columns, rows) = Self.grid(for: frames.count)
        arguments += ["--mosaic:pad=\(Self.padding)", "\(columns)x\(rows)"]
        if reference.isFloat { arguments += ViewTransform.arguments(keepingAlpha: false) }
        return arguments + ["--eraseattrib", ".*", "-d", "uint8", "-o:quality=90", output]
    }

    public func command(tool: String = "oiiotool", timeout: Double) -> ToolCommand {
        ToolCommand(tool, arguments, timeout: timeout)
    }
}
