import AsyncHTTPClient
import AtlasCore
import Foundation
import NIOCore
import NIOHTTP1

extension AtlasProcess {
    /// A request to `path` on this server, signed with its administrator's API key.
    public func request(_ path: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: baseURL + path)
        request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        return request
    }

    /// Sends `method path` as the administrator, with `body` as JSON, and returns the status and the JSON answer (`.null` when it is not JSON).
    public func json(_ method: HTTPMethod, _ path: String, body: String? = nil) async throws -> (status: Int, json: JSONValue) {
        var request = request(path)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let data = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return (Int(response.status.code), (try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: data))) ?? .null)
    }

    /// Every live asset of `project` as the listing shows it, all pages read.
    public func assets(inProject project: String) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        var cursor: String?
        repeat {
            var path = "/api/v1/assets?project_id=\(project)&limit=500"
            if let cursor { path += "&cursor=" + (cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor) }
            let page = try await json(.GET, path)
            guard page.status == 200 else { throw TestSupportError("listing assets answered \(page.status): \(page.json)") }
            items += page.json["items"]?.array ?? []
            cursor = page.json["next_cursor"]?.string
        } while cursor != nil
        return items
    }
}
