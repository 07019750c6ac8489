/// `EmptyLatentImage`: served for validation (a `LATENT` linked to an `IMAGE` input is the recorded
/// `return_type_mismatch`); no stand-in node consumes its output.
struct EmptyLatentImageNode: NodeOperation {
    func run(_ call: NodeCall) async throws -> NodeResult {
        NodeResult(outputs: [.latent])
    }
}
