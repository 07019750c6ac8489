import AtlasCore
import Foundation
import Vapor

/// Reads JSON request bodies, turning every decoding failure into a field-level problem.
enum RequestJSON {
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) throws -> T {
        if let contentType = request.headers.contentType, contentType.subType != "json",
           !contentType.subType.hasSuffix("+json") {
            throw AtlasError(code: "unsupported_media_type", status: 415, title: "Unsupported media type",
                             detail: "Send this request's body as application/json (got \(contentType.serialize())).")
        }
        guard let buffer = request.body.data, buffer.readableBytes > 0 else {
            throw AtlasError.badRequest("missing_body", "This request needs a JSON body.")
        }
        return try decode(type, from: Data(buffer: buffer))
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try JSONCoding.sharedDecoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw problem(for: error)
        }
    }

    static func problem(for error: DecodingError) -> AtlasError {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.replacingOccurrences(of: ".[", with: "[").isEmpty ? "body" : text.replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .invalid(path(context, key), "is required")
        case .typeMismatch(let type, let context):
            return .invalid(path(context), "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return .invalid(path(context), "must be \(describe(type)), not null")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return .badRequest("invalid_json", "The body is not valid JSON.")
        case .dataCorrupted(let context):
            return .invalid(path(context), context.debugDescription)
        @unknown default:
            return .badRequest("invalid_json", "The body could not be read as JSON.")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default:
            String(describing: type).contains("Dictionary") || String(describing: type).contains("JSONValue") ? "an object" : "a \(type)"
        }
    }
}
