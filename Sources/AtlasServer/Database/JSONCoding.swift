import AtlasCore
import Foundation

/// The one JSON dialect of the API and of JSON held in the database: ISO 8601 dates with
/// milliseconds, sorted keys (stable ETags and diffs). Keys are spelled out by each type's
/// `CodingKeys` rather than a key strategy, because a strategy would also rewrite the keys
/// inside free-form metadata.
enum JSONCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.format(date))
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an ISO 8601 date")
            }
            return date
        }
        return decoder
    }

    /// Shared coders for the hot paths (every row's metadata, every response): configured once,
    /// never changed after, and Foundation's coders are safe to share between threads.
    static let sharedEncoder = encoder()
    static let sharedDecoder = decoder()

    static func metadataText(_ metadata: Metadata) -> String {
        let data = (try? sharedEncoder.encode(metadata)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func metadata(fromText text: String) -> Metadata {
        if text == "{}" { return [:] }
        return (try? sharedDecoder.decode(Metadata.self, from: Data(text.utf8))) ?? [:]
    }

    /// `value` as JSON text for a TEXT column.
    static func text(_ value: some Encodable) -> String {
        String(decoding: (try? sharedEncoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    /// An API body as free-form JSON (for event data and audit summaries), in the API's own spelling.
    static func json(_ value: any Encodable) throws -> JSONValue {
        try sharedDecoder.decode(JSONValue.self, from: try sharedEncoder.encode(value))
    }

    /// JSON text from a TEXT column, or nil when it is not JSON.
    static func value(_ text: String) -> JSONValue? {
        try? sharedDecoder.decode(JSONValue.self, from: Data(text.utf8))
    }
}
