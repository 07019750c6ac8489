import AtlasCore
import Foundation

/// Turns a multipart form's text fields into the JSON the upload routes decode, so that
/// `curl -F name=wood -F type=texture -F file=@wood.png` works as well as a `data` part of JSON.
enum UploadFields {
    /// Fields whose value is JSON rather than text.
    static let jsonFields: Set<String> = ["metadata", "version_metadata", "files"]

    static func json(from fields: [(String, String)]) throws -> Data {
        if let data = fields.last(where: { $0.0 == "data" })?.1 {
            return Data(data.utf8)
        }
        var object: [String: JSONValue] = [:]
        for (name, value) in fields {
            if jsonFields.contains(name) {
                guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(value.utf8)) else {
                    throw AtlasError.invalid(name, "must be JSON")
                }
                object[name] = parsed
            } else if name == "tags" {
                object[name] = .array(value.split(separator: ",").map { .string(String($0)) })
            } else {
                object[name] = .string(value)
            }
        }
        // Sorted, so that the same form always makes the same JSON (and the same idempotency fingerprint).
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(object)
    }
}
