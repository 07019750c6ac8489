/// `comfy.utils.common_upscale` as oiiotool operations: an optional centre crop to the target's
/// aspect ratio, then a resize with the filter closest to the PyTorch method.
enum Upscale {
    static func frame(_ frame: ImageFrame, width: Int, height: Int, method: String, crop: String) -> ImageFrame {
        var cropped = frame
        if crop == "center", frame.height > 0, height > 0 {
            let oldAspect = Double(frame.width) / Double(frame.height), newAspect = Double(width) / Double(height)
            var x = 0, y = 0
            if oldAspect > newAspect {
                x = pythonRound((Double(frame.width) - Double(frame.width) * (newAspect / oldAspect)) / 2)
            } else if oldAspect < newAspect {
                y = pythonRound((Double(frame.height) - Double(frame.height) * (oldAspect / newAspect)) / 2)
            }
            let cutWidth = frame.width - 2 * x, cutHeight = frame.height - 2 * y
            if x > 0 || y > 0 {
                cropped = frame.then(["--cut", "\(cutWidth)x\(cutHeight)+\(x)+\(y)", "--origin", "+0+0"],
                                     width: cutWidth, height: cutHeight)
            }
        }
        return cropped.then(resize(method, width: width, height: height), width: width, height: height)
    }

    private static func resize(_ method: String, width: Int, height: Int) -> [String] {
        let size = "\(width)x\(height)"
        switch method {
        case "nearest-exact": return ["--resample:interp=0", size]
        case "area": return ["--resize:filter=box", size]
        case "bicubic": return ["--resize:filter=catmull-rom", size]
        case "lanczos": return ["--resize:filter=lanczos3", size]
        default: return ["--resize:filter=triangle", size]
        }
    }

    /// Python's `round()`: halves go to the even neighbour.
    static func pythonRound(_ value: Double) -> Int { Int(value.rounded(.toNearestOrEven)) }
}
