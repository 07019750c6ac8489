/// The answer to "may this caller do this?".
public enum AccessDecision: Sendable, Equatable {
    case allow
    /// No account: 401.
    case authenticate
    /// The caller may see the object but not do this to it: 403.
    case forbid
    /// The caller may not know the object exists: 404, as if it did not.
    case conceal
}
