import Foundation

/// What `iinfo` and `oiiotool --printstats` (Debian openimageio-tools) say about image bytes,
/// for tests that check the images the server made.
public struct ImageProbe: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var channels: Int
    /// The pixel type: `uint8`, `half`, …
    public var dataFormat: String
    /// The file format OIIO read it as: `jpeg`, `png`, …
    public var fileFormat: String

    public init(width: Int, height: Int, channels: Int, dataFormat: String, fileFormat: String) {
        self.width = width
        self.height = height
        self.channels = channels
        self.dataFormat = dataFormat
        self.fileFormat = fileFormat
    }

    /// Reads `data`'s header with `iinfo`.
    public static func of(_ data: Data) throws -> ImageProbe {
        let line = try withFile(data) { try ExternalTool.run("iinfo", [$0], package: "openimageio-tools") }.trimmingCharacters(in: .whitespacesAndNewlines)
        // "/tmp/x :  512 x  256, 3 channel, uint8 jpeg"
        let fields = line.split(separator: ":", maxSplits: 1).last.map(String.init)?
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        let size = fields.first?.components(separatedBy: " x ").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? []
        let types = fields.count > 2 ? fields[2].split(separator: " ").map(String.init) : []
        guard size.count == 2, fields.count > 2, types.count == 2, let channels = Int(fields[1].split(separator: " ")[0]) else {
            throw TestSupportError("unexpected iinfo output: \(line)")
        }
        return ImageProbe(width: size[0], height: size[1], channels: channels, dataFormat: types[0], fileFormat: types[1])
    }

    /// The mean of each channel, from 0 (black) to 1 (white), over a `width`×`height` region at `x`, `y`.
    public static func average(_ data: Data, x: Int, y: Int, width: Int, height: Int) throws -> [Double] {
        let stats = try withFile(data) { try ExternalTool.run("oiiotool", [$0, "--cut", "\(width)x\(height)+\(x)+\(y)", "--printstats"], package: "openimageio-tools") }
        guard let line = stats.split(separator: "\n").first(where: { $0.contains("Stats Avg:") }) else {
            throw TestSupportError("no averages in oiiotool --printstats output: \(stats)")
        }
        return line.components(separatedBy: "Stats Avg:")[1].split(separator: " ").compactMap { Double($0) }
    }

    private static func withFile<T>(_ data: Data, _ body: (String) throws -> T) throws -> T {
        let folder = try TemporaryDirectory(prefix: "atlas-probe")
        defer { folder.remove() }
        let path = folder.file("image")
        try data.write(to: URL(fileURLWithPath: path))
        return try body(path)
    }
}
