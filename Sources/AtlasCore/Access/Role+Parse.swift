extension Role {
    /// The role named by `text` (any case), or why it names none, reported against `field`.
    public static func parse(_ text: String, field: String = "role") -> Result<Role, FieldError> {
        guard let role = Role(rawValue: text.lowercased()) else {
            return .failure(FieldError(field: field, message: "'\(text)' is not one of: \(allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        return .success(role)
    }
}
