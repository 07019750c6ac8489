import AtlasComfyUI
import AtlasCore
import Foundation

/// The ComfyUI recordings copied under `Fixtures/` (see its README).
enum Recording {
    static func url(_ path: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(path)
    }

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: url(path))
    }

    /// The value at a path of object keys in a recording, e.g. `("02-run-invert/job.json", "response", "body")`.
    static func json(_ path: String, _ keys: String...) throws -> JSONValue {
        try value(path, keys)
    }

    /// The value at a path of keys, decoded as the client would decode the server's body.
    static func decode<T: Decodable>(_ type: T.Type, _ path: String, _ keys: String...) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value(path, keys)))
    }

    /// The server's text frames of a WebSocket recording, as the socket would deliver them; the
    /// binary ones (recorded as descriptions, not bytes) are only counted.
    static func frames(_ path: String, _ keys: String...) throws -> (texts: [String], binaryCount: Int) {
        try frames(path, keys)
    }

    /// The decoded text frames of a WebSocket recording.
    static func messages(_ path: String, _ keys: String...) throws -> [ComfyUIMessage] {
        try frames(path, keys).texts.map { try ComfyUIMessage(text: $0) }
    }

    private static func frames(_ path: String, _ keys: [String]) throws -> (texts: [String], binaryCount: Int) {
        guard case .object(let record) = try value(path, keys), case .array(let messages)? = record["messages"] else {
            throw RecordingError("\(path) is not a WebSocket recording")
        }
        var texts: [String] = []
        var binaryCount = 0
        for case .object(let message) in messages where message["direction"] == "server->client" {
            if message["kind"] == "binary" { binaryCount += 1 }
            if let frame = message["json"] { texts.append(String(decoding: try JSONEncoder().encode(frame), as: UTF8.self)) }
        }
        return (texts, binaryCount)
    }

    private static func value(_ path: String, _ keys: [String]) throws -> JSONValue {
        var value = try JSONDecoder().decode(JSONValue.self, from: data(path))
        for key in keys {
            guard case .object(let members) = value, let next = members[key] else { throw RecordingError("\(path) has no \(keys)") }
            value = next
        }
        return value
    }
}

struct RecordingError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
