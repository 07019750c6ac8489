/// What a new password must be.
public enum PasswordPolicy {
    public static let minimumLength = 12
    /// Long passphrases are welcome; this only stops absurd bodies.
    public static let maximumLength = 1024

    /// The password, or the reason it is refused, reported against `field`.
    public static func check(_ password: String, field: String = "password") -> Result<String, FieldError> {
        if password.count < minimumLength {
            return .failure(FieldError(field: field, message: "must be at least \(minimumLength) characters long; a few unrelated words make a good one"))
        }
        if password.count > maximumLength {
            return .failure(FieldError(field: field, message: "must be at most \(maximumLength) characters"))
        }
        if password.allSatisfy(\.isWhitespace) {
            return .failure(FieldError(field: field, message: "must not be only spaces"))
        }
        return .success(password)
    }
}
