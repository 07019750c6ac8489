/// One invalid field of a request, reported in a problem's `errors` list.
public struct FieldError: Error, Sendable, Equatable, Codable {
    /// The field or query parameter, in the request's own spelling (`snake_case`).
    public var field: String
    /// What is wrong with it, in words a person can act on.
    public var message: String
    /// A stable machine-readable reason where one is known (`out_of_range`, `required`, or
    /// ComfyUI's own error type such as `value_bigger_than_max`); left out of the JSON otherwise.
    public var code: String?

    public init(field: String, message: String, code: String? = nil) {
        self.field = field
        self.message = message
        self.code = code
    }
}
