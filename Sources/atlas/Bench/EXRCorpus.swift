import Foundation

/// EXR files made by `oiiotool` for the header benchmark: every combination of four channel
/// layouts and eight compressions, half or float, scanline or tiled, each file stamped with its
/// own `frame` attribute. Small pixel data: it is the header that is read.
enum EXRCorpus {
    static let layouts: [(channels: Int, names: String)] = [(1, "Y"), (3, "R,G,B"), (4, "R,G,B,A"), (5, "R,G,B,A,Z")]
    static let compressions = ["none", "zip", "zips", "piz", "rle", "pxr24", "b44", "dwaa"]

    /// Writes `count` files into `folder` (one `oiiotool` run per variant) and returns their paths.
    static func make(count: Int, in folder: String, log: String) async throws -> [String] {
        let variants = layouts.count * compressions.count
        let perVariant = (count + variants - 1) / variants
        var paths: [String] = []
        for variant in 0..<variants where paths.count < count {
            let layout = layouts[variant % layouts.count]
            let compression = compressions[variant / layouts.count]
            var arguments = ["oiiotool", "--nosoftwareattrib", "--pattern", "noise:type=uniform:min=0:max=1:seed=\(variant)",
                             "64x64", String(layout.channels), "--chnames", layout.names, "-d", variant % 2 == 0 ? "half" : "float",
                             "--compression", compression]
            if variant % 3 == 0 { arguments += ["--tile", "32", "32"] }
            for index in 0..<min(perVariant, count - paths.count) {
                let path = folder + "/v\(variant)_\(index).exr"
                arguments += ["--attrib", "frame", String(index), "-o", path]
                paths.append(path)
            }
            try await ChildProcess.check(arguments, log: log)
        }
        return paths
    }
}
