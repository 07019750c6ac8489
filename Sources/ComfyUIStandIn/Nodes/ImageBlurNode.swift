/// `ImageBlur`: a Gaussian blur. oiiotool's Gaussian filter of width `w` has σ ≈ w/4, so the
/// width follows `sigma`, bounded by ComfyUI's kernel of `2·radius + 1` pixels.
struct ImageBlurNode: NodeOperation {
    func run(_ call: NodeCall) async throws -> NodeResult {
        let images = try call.images("image")
        let radius = try call.int("blur_radius"), sigma = try call.double("sigma")
        let width = GaussianWidth.pixels(radius: radius, sigma: sigma)
        return NodeResult(outputs: [.images(images.map { $0.then(["--blur:kernel=gaussian", "\(width)x\(width)"]) })])
    }
}

/// The oiiotool Gaussian filter width that matches ComfyUI's kernel.
enum GaussianWidth {
    static func pixels(radius: Int, sigma: Double) -> String {
        String(max(1, min(Double(2 * radius + 1), 4 * sigma)))
    }
}
