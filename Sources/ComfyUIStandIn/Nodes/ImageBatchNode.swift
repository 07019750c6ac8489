/// `ImageBatch`: the frames of `image1` then those of `image2`, scaled (bilinear, centre crop)
/// to `image1`'s size when they differ.
struct ImageBatchNode: NodeOperation {
    func run(_ call: NodeCall) async throws -> NodeResult {
        let first = try call.images("image1"), second = try call.images("image2")
        let size = first.size
        let fitted = second.size == size ? second
            : second.map { Upscale.frame($0, width: size.width, height: size.height, method: "bilinear", crop: "center") }
        return NodeResult(outputs: [.images(ImageBatch(frames: first.frames + fitted.frames))])
    }
}
