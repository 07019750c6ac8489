import Foundation

/// The Python behaviour of one node class: what its function does, and the class methods
/// validation and caching call (`VALIDATE_INPUTS`, `IS_CHANGED`).
protocol NodeOperation: Sendable {
    /// The inputs `VALIDATE_INPUTS` takes: validation skips its own combo and range checks for them.
    var selfValidatedInputs: [String] { get }

    /// `VALIDATE_INPUTS`: nil when the values pass, else the reason (`"Invalid image file: …"`).
    func validate(_ values: [String: JSON], environment: NodeEnvironment) throws(PythonException) -> String?

    /// `IS_CHANGED`: nil for nodes without one. A node whose answer changes is never served from cache.
    func fingerprint(_ inputs: JSONObject, environment: NodeEnvironment) -> JSON?

    /// The `node_info` `/object_info` serves; most nodes serve what was recorded.
    func describe(_ recorded: JSONObject, environment: NodeEnvironment) -> JSONObject

    /// The node's function. Throws `PythonException` for a runtime error and `Interrupted`
    /// when its progress bar saw an interrupt.
    func run(_ call: NodeCall) async throws -> NodeResult
}

extension NodeOperation {
    var selfValidatedInputs: [String] { [] }

    func validate(_ values: [String: JSON], environment: NodeEnvironment) throws(PythonException) -> String? { nil }

    func fingerprint(_ inputs: JSONObject, environment: NodeEnvironment) -> JSON? { nil }

    func describe(_ recorded: JSONObject, environment: NodeEnvironment) -> JSONObject { recorded }
}
