import Foundation

/// Filters of the audit log listing, parsed from the query string. Every filter narrows.
public struct AuditQuery: Sendable {
    /// Account ids, or usernames (`cli:<login>` for the shell).
    public var actors: [String] = []
    public var objectIDs: [String] = []
    public var objectKinds: [String] = []
    public var actions: [String] = []
    /// Inclusive.
    public var after: Date?
    /// Exclusive.
    public var before: Date?
    public var paging: Paging

    public static let sort = "-at"
    public static let parameterNames: Set<String> = Paging.parameterNames.union(
        ["actor", "object_id", "object_kind", "action", "after", "before"])

    public init(paging: Paging) {
        self.paging = paging
    }

    public static func parse(_ query: QueryParameters) throws(AtlasError) -> AuditQuery {
        try query.requireOnly(parameterNames)
        var errors: [FieldError] = []
        var result = AuditQuery(paging: Paging.parse(query, errors: &errors))
        result.actors = query.list("actor").map { $0.lowercased() }
        result.objectIDs = query.list("object_id").map { $0.lowercased() }
        result.objectKinds = query.list("object_kind")
        result.actions = query.list("action")
        result.after = query.date("after").collect(into: &errors) ?? nil
        result.before = query.date("before").collect(into: &errors) ?? nil
        if let after = result.after, let before = result.before, after >= before {
            errors.append(FieldError(field: "before", message: "must be later than after"))
        }
        guard errors.isEmpty else { throw .validation(errors) }
        _ = try result.paging.cursor(sort: sort)
        return result
    }
}
