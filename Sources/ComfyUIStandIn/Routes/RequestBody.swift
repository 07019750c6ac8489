import Vapor

/// `await request.json()`: the body read as UTF-8 text and parsed as Python's `json.loads`
/// does. A body that is not JSON raises `JSONDecodeError`, which most handlers leave uncaught
/// (a 500) and `/interrupt` catches.
enum RequestBody {
    struct NotJSON: Error {}

    static func json(_ request: Request) throws -> JSON {
        let bytes = request.body.data.map { Array($0.readableBytesView) } ?? []
        guard String(bytes: bytes, encoding: .utf8) != nil else {
            throw PythonException(type: "UnicodeDecodeError", message: "'utf-8' codec can't decode the body")
        }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw NotJSON()
        }
    }
}
