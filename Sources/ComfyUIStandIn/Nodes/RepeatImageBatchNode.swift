/// `RepeatImageBatch`: the whole batch, `amount` times over.
struct RepeatImageBatchNode: NodeOperation {
    func run(_ call: NodeCall) async throws -> NodeResult {
        let images = try call.images("image"), amount = try call.int("amount")
        let frames = (0..<max(amount, 0)).flatMap { _ in images.frames }
        return NodeResult(outputs: [.images(ImageBatch(frames: frames))])
    }
}
