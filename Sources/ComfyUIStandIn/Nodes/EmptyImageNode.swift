/// `EmptyImage`: a batch of frames filled with one colour (`0xRRGGBB`).
struct EmptyImageNode: NodeOperation {
    func run(_ call: NodeCall) async throws -> NodeResult {
        let width = try call.int("width"), height = try call.int("height")
        let batchSize = try call.int("batch_size"), color = try call.int("color")
        let channels = [16, 8, 0].map { shift in String(Double((color >> shift) & 0xFF) / 255) }
        let frame = ImageFrame(recipe: ["--pattern", "constant:color=" + channels.joined(separator: ","), "\(width)x\(height)", "3"],
                               width: width, height: height)
        return NodeResult(outputs: [.images(ImageBatch(frames: Array(repeating: frame, count: max(batchSize, 0))))])
    }
}
