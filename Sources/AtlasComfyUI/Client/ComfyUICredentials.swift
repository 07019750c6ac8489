import Foundation

/// How to get past an authenticating proxy in front of a ComfyUI server (ComfyUI itself has no
/// authentication). Sent with every HTTP request and the WebSocket upgrade.
public enum ComfyUICredentials: Sendable, Hashable, Codable {
    /// HTTP basic authentication.
    case basic(user: String, password: String)
    /// One header, e.g. `Authorization: Bearer …` or `X-Api-Key: …`.
    case header(name: String, value: String)

    /// The header to send.
    public var header: (name: String, value: String) {
        switch self {
        case .basic(let user, let password):
            ("Authorization", "Basic " + Data("\(user):\(password)".utf8).base64EncodedString())
        case .header(let name, let value): (name, value)
        }
    }
}
