import Foundation

/// The opaque position in a listing that `next_cursor` carries.
///
/// Keyset cursors hold the sort key of the last row returned and its id, so a page is found by an
/// index seek however deep the listing goes; relevance-ranked search uses an offset. The cursor
/// remembers its sort so that one from another listing is refused instead of silently misread.
public struct PageCursor: Sendable, Equatable, Codable {
    public var sort: String
    /// The last row's sort value as text (an ISO 8601 date or a name); nil for id-only sorts.
    public var value: String?
    /// The last row's id.
    public var id: UUID?
    /// Rows already returned, for relevance-ranked listings.
    public var offset: Int?

    public init(sort: String, value: String? = nil, id: UUID? = nil, offset: Int? = nil) {
        self.sort = sort
        self.value = value
        self.id = id
        self.offset = offset
    }

    enum CodingKeys: String, CodingKey {
        case sort = "s", value = "v", id = "i", offset = "o"
    }

    /// URL-safe base64 of a compact JSON form.
    public var encoded: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same position always gives the same cursor
        let data = (try? encoder.encode(self)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes a cursor, checking that it belongs to a listing sorted by `sort`.
    public static func decode(_ text: String, expectedSort sort: String) throws(AtlasError) -> PageCursor {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard text.count <= 2048,
              let data = Data(base64Encoded: base64),
              let cursor = try? JSONDecoder().decode(PageCursor.self, from: data)
        else {
            throw AtlasError.badRequest("invalid_cursor", "The cursor is not one this server issued. Start again without a cursor.")
        }
        guard cursor.sort == sort else {
            throw AtlasError.badRequest("invalid_cursor", "The cursor belongs to a listing sorted by '\(cursor.sort)', not '\(sort)'.")
        }
        if let offset = cursor.offset, offset < 0 {
            throw AtlasError.badRequest("invalid_cursor", "The cursor's position is invalid.")
        }
        return cursor
    }
}
