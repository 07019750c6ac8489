import AtlasComfyUI
import AtlasCore
import Foundation

/// The body of a request adding a server.
struct AddComfyUIServerInput: Decodable, Sendable {
    struct Credentials: Decodable, Sendable {
        var user: String?
        var password: String?
        var headerName: String?
        var headerValue: String?

        enum CodingKeys: String, CodingKey {
            case user, password
            case headerName = "header_name", headerValue = "header_value"
        }
    }

    var url: String
    var name: String?
    var concurrencyLimit: Int?
    var credentials: Credentials?

    enum CodingKeys: String, CodingKey {
        case url, name, credentials
        case concurrencyLimit = "concurrency_limit"
    }

    func serverURL() throws -> URL {
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
            throw AtlasError.invalid("url", "is not an http:// or https:// address")
        }
        return parsed
    }

    func limit() throws -> Int {
        let limit = concurrencyLimit ?? 2
        guard (1...64).contains(limit) else { throw AtlasError.invalid("concurrency_limit", "must be 1–64") }
        return limit
    }

    /// Basic (user and password) or one header (name and value); nothing else.
    func comfyUICredentials() throws -> ComfyUICredentials? {
        guard let credentials else { return nil }
        switch (credentials.user, credentials.password, credentials.headerName, credentials.headerValue) {
        case (nil, nil, nil, nil): return nil
        case (let user?, let password?, nil, nil): return .basic(user: user, password: password)
        case (nil, nil, let name?, let value?) where !name.isEmpty: return .header(name: name, value: value)
        default: throw AtlasError.invalid("credentials", "give user and password, or header_name and header_value")
        }
    }
}
