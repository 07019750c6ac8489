/// `ImageScale`: to a size; a zero width or height keeps the aspect ratio, both zero keep the image.
struct ImageScaleNode: NodeOperation {
    func run(_ call: NodeCall) async throws -> NodeResult {
        let images = try call.images("image")
        let method = try call.string("upscale_method"), crop = try call.string("crop")
        var width = try call.int("width"), height = try call.int("height")
        guard width != 0 || height != 0 else { return NodeResult(outputs: [.images(images)]) }
        let source = images.size
        if width == 0 {
            width = max(1, Upscale.pythonRound(Double(source.width) * Double(height) / Double(max(source.height, 1))))
        } else if height == 0 {
            height = max(1, Upscale.pythonRound(Double(source.height) * Double(width) / Double(max(source.width, 1))))
        }
        let scaled = images.map { Upscale.frame($0, width: width, height: height, method: method, crop: crop) }
        return NodeResult(outputs: [.images(scaled)])
    }
}
