import Vapor

/// The cookies of a browser session: the session secret (HttpOnly, unreadable by scripts) and
/// its CSRF token (readable, so the UI's scripts can echo it in `X-CSRF-Token`).
enum SessionCookie {
    static let session = "atlas_session"
    static let csrf = "atlas_csrf"
    static let csrfHeader = "X-CSRF-Token"

    /// Sets the cookies of a session just started for `request`.
    static func set(on response: Response, session credential: Credential, secret: String, for request: Request) {
        let maxAge = Int(CredentialIssuer.sessionLifetime), secure = isSecure(request)
        response.cookies[session] = HTTPCookies.Value(string: secret, maxAge: maxAge, path: "/", isSecure: secure,
                                                      isHTTPOnly: true, sameSite: .lax)
        response.cookies[csrf] = HTTPCookies.Value(string: credential.csrfToken ?? "", maxAge: maxAge, path: "/", isSecure: secure,
                                                   isHTTPOnly: false, sameSite: .lax)
    }

    static func clear(on response: Response, secure: Bool) {
        for name in [session, csrf] {
            response.cookies[name] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
                                                       isSecure: secure, isHTTPOnly: name == session, sameSite: .lax)
        }
    }

    /// Behind TLS, cookies are `Secure`: the public address is https, or the proxy says the request came over https.
    static func isSecure(_ request: Request) -> Bool {
        if request.atlas.configuration.servesHTTPS { return true }
        return request.headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }
}
