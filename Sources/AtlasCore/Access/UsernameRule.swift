import Foundation

/// What a username may be: something a person types at a login prompt and a script puts in a URL.
public enum UsernameRule {
    public static let maximumLength = 64

    /// The username, lowercased, or why it is refused.
    public static func check(_ text: String, field: String = "username") -> Result<String, FieldError> {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !name.isEmpty else { return .failure(FieldError(field: field, message: "must not be empty")) }
        guard name.count <= maximumLength else {
            return .failure(FieldError(field: field, message: "must be at most \(maximumLength) characters"))
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-@")
        guard name.allSatisfy(allowed.contains), name.first!.isLetter || name.first!.isNumber else {
            return .failure(FieldError(field: field, message: "use letters, digits, '.', '_', '-' or '@', starting with a letter or digit"))
        }
        return .success(name)
    }
}
