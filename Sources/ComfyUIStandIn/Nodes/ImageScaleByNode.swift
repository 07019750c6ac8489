/// `ImageScaleBy`: by a factor, rounded as Python rounds.
struct ImageScaleByNode: NodeOperation {
    func run(_ call: NodeCall) async throws -> NodeResult {
        let images = try call.images("image")
        let method = try call.string("upscale_method"), factor = try call.double("scale_by")
        let width = Upscale.pythonRound(Double(images.size.width) * factor)
        let height = Upscale.pythonRound(Double(images.size.height) * factor)
        let scaled = images.map { Upscale.frame($0, width: width, height: height, method: method, crop: "disabled") }
        return NodeResult(outputs: [.images(scaled)])
    }
}
