/// A node raised: the exception and the inputs it was called with (`current_inputs`).
struct NodeFailure: Error, Sendable {
    var node: String
    var exception: PythonException
    var inputs: JSON
}
