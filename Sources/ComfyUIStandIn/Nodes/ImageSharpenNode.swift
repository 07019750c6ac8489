/// `ImageSharpen`: an unsharp mask. ComfyUI's kernel adds `alpha·10` times the detail
/// (image − blur), then clamps to 0…1.
struct ImageSharpenNode: NodeOperation {
    func run(_ call: NodeCall) async throws -> NodeResult {
        let images = try call.images("image")
        let radius = try call.int("sharpen_radius"), sigma = try call.double("sigma"), alpha = try call.double("alpha")
        let width = GaussianWidth.pixels(radius: radius, sigma: sigma)
        let operations = ["--unsharp:kernel=gaussian:width=\(width):contrast=\(alpha * 10)", "--clamp:min=0:max=1"]
        return NodeResult(outputs: [.images(images.map { $0.then(operations) })])
    }
}
