import AtlasCore

/// One problem with a manifest, a workflow or a run's inputs, at a field path such as
/// `inputs[2].default` or `inputs.radius`, with a stable code. The server reports these as the
/// `errors` of a `validation_failed` problem.
public struct AIToolFieldError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var field: String
    /// Stable machine-readable code: `unknown_node`, `out_of_range`, `not_in_list`, …
    public var code: String
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    /// The error as AtlasCore's field error, for `AtlasError.validation`.
    public var fieldError: FieldError {
        FieldError(field: field, message: message, code: code)
    }

    public var description: String { "\(field): \(message) [\(code)]" }
}

extension [AIToolFieldError] {
    /// All errors as one `validation_failed` problem.
    public var atlasError: AtlasError {
        AtlasError.validation(map(\.fieldError))
    }
}
