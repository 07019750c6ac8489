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

    static func metadataText(_ metadata: Metadata) -> String {
        let data = (try? encoder().encode(metadata)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func metadata(fromText text: String) -> Metadata {
        (try? decoder().decode(Metadata.self, from: Data(text.utf8))) ?? [:]
    }
}
