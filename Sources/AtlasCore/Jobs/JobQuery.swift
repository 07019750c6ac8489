import Foundation

/// Filters of the job listing. Every filter narrows.
public struct JobQuery: Sendable {
    public var kinds: [String] = []
    public var statuses: [JobStatus] = []
    public var projectIDs: [UUID] = []
    public var createdBy: [String] = []
    public var batchIDs: [UUID] = []
    public var paging: Paging

    public static let sort = "-created_at"
    public static let parameterNames: Set<String> = Paging.parameterNames.union(["kind", "status", "project_id", "created_by", "batch_id"])

    public init(paging: Paging) {
        self.paging = paging
    }

    public static func parse(_ query: QueryParameters) throws(AtlasError) -> JobQuery {
        try query.requireOnly(parameterNames)
        var errors: [FieldError] = []
        var result = JobQuery(paging: Paging.parse(query, errors: &errors))
        result.kinds = query.list("kind")
        result.statuses = query.enumList("status", as: JobStatus.self).collect(into: &errors) ?? []
        result.projectIDs = query.uuidList("project_id").collect(into: &errors) ?? []
        result.createdBy = query.list("created_by").map { $0.lowercased() }
        result.batchIDs = query.uuidList("batch_id").collect(into: &errors) ?? []
        guard errors.isEmpty else { throw .validation(errors) }
        _ = try result.paging.cursor(sort: sort)
        return result
    }
}
