import AtlasCore

/// A page of a listing: `{"items": [...], "next_cursor": "..." | null}`.
struct ListBody<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var nextCursor: String?

    init(items: [Item], nextCursor: PageCursor?) {
        self.items = items
        self.nextCursor = nextCursor?.encoded
    }

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
