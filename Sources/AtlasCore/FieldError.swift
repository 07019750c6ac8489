/// One invalid field of a request, reported in a problem's `errors` list.
public struct FieldError: Error, Sendable, Equatable, Codable {
    /// The field or query parameter, in the request's own spelling (`snake_case`).
    public var field: String
    /// What is wrong with it, in words a person can act on.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
