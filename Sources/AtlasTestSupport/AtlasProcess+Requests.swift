import AsyncHTTPClient
import Foundation

extension AtlasProcess {
    /// A request to `path` on this server, signed with its administrator's API key.
    public func request(_ path: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: baseURL + path)
        request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        return request
    }
}
