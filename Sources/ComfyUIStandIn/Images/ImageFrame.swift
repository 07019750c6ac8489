/// One image of a batch, kept as a recipe instead of pixels: the oiiotool arguments that leave it,
/// as a float RGB image, on top of oiiotool's stack. Nodes append operations to recipes and only
/// output nodes render them, so a whole chain costs one oiiotool run, not one per node.
struct ImageFrame: Sendable, Hashable {
    var recipe: [String]
    var width: Int
    var height: Int

    /// This frame with more operations applied, and the size they leave it at.
    func then(_ operations: [String], width: Int? = nil, height: Int? = nil) -> ImageFrame {
        ImageFrame(recipe: recipe + operations, width: width ?? self.width, height: height ?? self.height)
    }
}

/// ComfyUI's `IMAGE`: a batch of frames of one size.
struct ImageBatch: Sendable, Hashable {
    var frames: [ImageFrame]

    func map(_ transform: (ImageFrame) -> ImageFrame) -> ImageBatch { ImageBatch(frames: frames.map(transform)) }

    /// The first frame's size, which PyTorch would report for the whole batch tensor.
    var size: (width: Int, height: Int) { (frames.first?.width ?? 0, frames.first?.height ?? 0) }
}
