/// A value on a node's input or output.
enum NodeValue: Sendable, Hashable {
    case images(ImageBatch)
    case mask(ImageBatch)
    /// A `LATENT`; the stand-in has no node that consumes one.
    case latent
    /// A widget value from the prompt, after validation's conversions.
    case literal(JSON)
    /// A link whose source produced nothing: Python passes `None`.
    case missing

    /// The Python object a node would receive, for exception messages and `current_inputs`.
    var pythonDescription: JSON {
        switch self {
        case .images(let batch), .mask(let batch):
            .string("tensor of shape (\(batch.frames.count), \(batch.size.height), \(batch.size.width), 3)")
        case .latent: .string("{'samples': tensor(...)}")
        case .literal(let value): value
        case .missing: .null
        }
    }

    var pythonTypeName: String {
        switch self {
        case .images, .mask: "Tensor"
        case .latent: "dict"
        case .literal(let value): value.pythonTypeName
        case .missing: "NoneType"
        }
    }
}
