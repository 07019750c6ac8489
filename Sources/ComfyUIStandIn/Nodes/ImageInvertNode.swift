/// `ImageInvert`: `1 - image`.
struct ImageInvertNode: NodeOperation {
    func run(_ call: NodeCall) async throws -> NodeResult {
        NodeResult(outputs: [.images(try call.images("image").map { $0.then(["--invert"]) })])
    }
}
