/// `limit` and `cursor`, as every listing takes them.
public struct Paging: Sendable {
    public static let defaultLimit = 50
    public static let maxLimit = 500
    public static let parameterNames: Set<String> = ["limit", "cursor"]

    public var limit: Int
    public var cursorText: String?

    public init(limit: Int = Paging.defaultLimit, cursorText: String? = nil) {
        self.limit = limit
        self.cursorText = cursorText
    }

    public static func parse(_ query: QueryParameters, errors: inout [FieldError]) -> Paging {
        let limit = query.integer("limit", default: defaultLimit, range: 1...maxLimit).collect(into: &errors) ?? defaultLimit
        return Paging(limit: limit, cursorText: query.value("cursor"))
    }

    /// Decodes the cursor, if any, for a listing sorted by `sort`.
    public func cursor(sort: String) throws(AtlasError) -> PageCursor? {
        guard let text = cursorText else { return nil }
        return try PageCursor.decode(text, expectedSort: sort)
    }
}
