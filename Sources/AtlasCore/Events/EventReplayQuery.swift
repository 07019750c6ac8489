import Foundation

/// What `GET /api/v1/events` asks for: events after a number, on some topics, at most `limit`.
public struct EventReplayQuery: Sendable, Equatable {
    public var after: Int64 = 0
    public var topics: [EventTopic] = []
    public var limit = 50

    public static let parameterNames: Set<String> = ["after", "topic", "limit"]

    public init(after: Int64 = 0, topics: [EventTopic] = [], limit: Int = 50) {
        self.after = after
        self.topics = topics
        self.limit = limit
    }

    public static func parse(_ query: QueryParameters) throws(AtlasError) -> EventReplayQuery {
        try query.requireOnly(parameterNames)
        var errors: [FieldError] = []
        var result = EventReplayQuery()
        if let after = query.integer("after", default: 0, range: 0...Int.max).collect(into: &errors) { result.after = Int64(after) }
        if let limit = query.integer("limit", default: 50, range: 1...500).collect(into: &errors) { result.limit = limit }
        for name in query.list("topic") {
            do {
                result.topics.append(try EventTopic.parse(name))
            } catch {
                errors.append(FieldError(field: "topic", message: error.detail))
            }
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return result
    }
}
