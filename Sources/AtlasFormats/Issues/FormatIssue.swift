/// One validation finding about a file or a sequence: a stable code, a severity and a message for people.
public struct FormatIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    public var code: FormatIssueCode
    public var severity: IssueSeverity
    public var message: String

    public init(_ code: FormatIssueCode, _ severity: IssueSeverity, _ message: String) {
        self.code = code
        self.severity = severity
        self.message = message
    }

    /// An error: the file cannot be used as it is.
    public static func error(_ code: FormatIssueCode, _ message: String) -> FormatIssue {
        FormatIssue(code, .error, message)
    }

    /// A warning: the file is usable but someone should look.
    public static func warning(_ code: FormatIssueCode, _ message: String) -> FormatIssue {
        FormatIssue(code, .warning, message)
    }

    public var description: String { "\(severity.rawValue) \(code.rawValue): \(message)" }
}
