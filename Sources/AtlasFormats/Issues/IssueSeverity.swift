/// How bad a validation finding is: an error means the file cannot be used as it is,
/// a warning means it can but someone should look.
public enum IssueSeverity: String, Sendable, Hashable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: IssueSeverity, rhs: IssueSeverity) -> Bool {
        lhs == .warning && rhs == .error
    }
}
