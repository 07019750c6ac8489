import AtlasCore

/// A run's inputs or a binding that cannot be used, with every field that is wrong.
public struct AIToolValidationError: Error, Sendable, Equatable {
    public var errors: [AIToolFieldError]

    public init(_ errors: [AIToolFieldError]) {
        self.errors = errors
    }

    /// The errors as one `validation_failed` problem.
    public var atlasError: AtlasError { errors.atlasError }
}
