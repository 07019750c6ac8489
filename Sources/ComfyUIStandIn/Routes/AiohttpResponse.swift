import Vapor

/// Responses shaped as aiohttp sends them: `json_response` bodies as Python's `json.dumps` writes
/// them, empty bodies without a content type, and aiohttp's plain-text error pages.
enum AiohttpResponse {
    static func json(_ value: JSON, status: HTTPResponseStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "application/json; charset=utf-8"],
                 body: .init(string: JSONWriter.write(value)))
    }

    static func empty(_ status: HTTPResponseStatus = .ok) -> Response { Response(status: status) }

    static func text(_ text: String, status: HTTPResponseStatus) -> Response {
        Response(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .init(string: text))
    }

    /// aiohttp's answer to an exception the handler did not catch.
    static var serverError: Response {
        text("500 Internal Server Error\n\nServer got itself in trouble", status: .internalServerError)
    }

    static var methodNotAllowed: Response { text("405: Method Not Allowed", status: .methodNotAllowed) }

    /// A path no route serves: the static frontend route answers, with an empty file response.
    static var notFound: Response {
        Response(status: .notFound, headers: ["Content-Type": "application/octet-stream"])
    }

    static func tooLarge(limit: Int) -> Response {
        text("Maximum request body size \(limit) exceeded.", status: .payloadTooLarge)
    }
}
