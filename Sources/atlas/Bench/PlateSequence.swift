import Foundation

/// A 2K plate as a camera department delivers it: `plate.1001.exr` onwards, 2048×1152 RGBA
/// half, zip-compressed, with grain (gaussian noise), so the files are as large as real ones
/// (about 11 MB a frame). Written by one `oiiotool` run; each frame carries its own `frame`
/// attribute, so no two files have the same bytes and every one is stored and sent.
enum PlateSequence {
    static let width = 2048
    static let height = 1152
    static let firstFrame = 1001

    /// Writes `frames` frames into `folder`; returns their paths in frame order.
    static func make(frames: Int, in folder: String, log: String) async throws -> [String] {
        var arguments = ["oiiotool", "--nosoftwareattrib",
                         "--pattern", "fill:topleft=0.02,0.03,0.05,1:topright=0.6,0.4,0.2,1:bottomleft=0.1,0.2,0.3,1:bottomright=0.9,0.8,0.7,1",
                         "\(width)x\(height)", "4", "--noise:type=gaussian:mean=0:stddev=0.02", "-d", "half", "--compression", "zip"]
        var paths: [String] = []
        for frame in firstFrame..<(firstFrame + frames) {
            let path = folder + "/plate.\(frame).exr"
            arguments += ["--attrib", "frame", String(frame), "-o", path]
            paths.append(path)
        }
        try await ChildProcess.check(arguments, log: log)
        return paths
    }
}
