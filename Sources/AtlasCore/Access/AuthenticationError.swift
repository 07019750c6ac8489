/// The problems of signing in and of using credentials, with their stable codes.
extension AtlasError {
    /// No credentials where an account is needed (sent with `WWW-Authenticate`).
    public static let authenticationRequired = AtlasError(
        code: "authentication_required", status: 401, title: "Authentication required",
        detail: "Sign in, or send a bearer token or API key in the Authorization header.")

    /// A token, API key or session that is unknown, expired, revoked, or belongs to a disabled account.
    public static let invalidToken = AtlasError(
        code: "invalid_token", status: 401, title: "Invalid credentials",
        detail: "The token, API key or session is unknown, expired or revoked. Sign in again or create a new key.")

    /// Wrong username or wrong password: one answer for both, so neither can be probed.
    public static let invalidCredentials = AtlasError(
        code: "invalid_credentials", status: 401, title: "Invalid credentials",
        detail: "The username or password is wrong.")

    public static let accountDisabled = AtlasError(
        code: "account_disabled", status: 403, title: "Account disabled",
        detail: "This account is disabled. Ask an administrator to enable it again.")

    public static func tooManyAttempts(retryAfter seconds: Int) -> AtlasError {
        AtlasError(code: "too_many_attempts", status: 429, title: "Too many attempts",
                   detail: "Too many failed sign-ins for this account. Try again in \(seconds) seconds.", retryAfter: seconds)
    }

    public static func permissionDenied(_ action: Action) -> AtlasError {
        AtlasError(code: "permission_denied", status: 403, title: "Permission denied",
                   detail: "Your role does not allow this (\(action.rawValue)).")
    }

    /// A state-changing request authenticated by a session cookie without its CSRF token.
    public static let csrfTokenInvalid = AtlasError(
        code: "csrf_token_invalid", status: 403, title: "CSRF token missing or wrong",
        detail: "Requests signed in by cookie must send the session's CSRF token in the X-CSRF-Token header.")
}
