import Foundation

/// A validated asset listing or search: filters, full text, sort and paging.
public struct AssetQuery: Sendable {
    /// Words of `q`, each matched as a prefix; empty when `q` is absent.
    public var words: [String] = []
    /// Whether `q` was given at all (a `q` with no words matches nothing).
    public var hasText = false
    public var projectIDs: [UUID] = []
    public var types: [AssetType] = []
    public var formats: [String] = []
    /// Every tag must be present.
    public var tags: [String] = []
    public var statuses: [VersionStatus] = []
    public var createdAfter: Date?
    public var createdBefore: Date?
    /// List soft-deleted assets instead of live ones.
    public var deleted = false
    public var sort: AssetSort = .createdAtDescending
    public var paging = Paging()
    public var cursor: PageCursor?
    public var facets: [AssetFacet] = []

    public init() {}

    public static let parameterNames: Set<String> = Paging.parameterNames.union([
        "q", "project_id", "type", "format", "tag", "status",
        "created_after", "created_before", "deleted", "sort", "facets",
    ])

    /// Reads and checks every parameter, reporting all problems at once.
    public static func parse(_ query: QueryParameters) throws(AtlasError) -> AssetQuery {
        try query.requireOnly(parameterNames)
        var errors: [FieldError] = []
        var result = AssetQuery()

        if let text = query.value("q") {
            result.hasText = !text.trimmingCharacters(in: .whitespaces).isEmpty
            if text.count > 500 { errors.append(FieldError(field: "q", message: "must be at most 500 characters")) }
            result.words = SearchTerms.queryWords(text)
        }
        result.projectIDs = query.uuidList("project_id").collect(into: &errors) ?? []
        result.types = query.enumList("type", as: AssetType.self).collect(into: &errors) ?? []
        result.formats = query.list("format").map { $0.lowercased() }
        result.tags = query.list("tag").compactMap { FieldRules.tag($0, field: "tag").collect(into: &errors) }
        result.statuses = query.enumList("status", as: VersionStatus.self).collect(into: &errors) ?? []
        result.createdAfter = query.date("created_after").collect(into: &errors) ?? nil
        result.createdBefore = query.date("created_before").collect(into: &errors) ?? nil
        result.deleted = query.boolean("deleted").collect(into: &errors) ?? false
        result.facets = parseFacets(query, errors: &errors)
        result.paging = Paging.parse(query, errors: &errors)
        result.sort = parseSort(query, hasText: result.hasText, errors: &errors)

        if let after = result.createdAfter, let before = result.createdBefore, after > before {
            errors.append(FieldError(field: "created_after", message: "must not be later than created_before"))
        }
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
        result.cursor = try result.paging.cursor(sort: result.sort.rawValue)
        return result
    }

    private static func parseSort(_ query: QueryParameters, hasText: Bool, errors: inout [FieldError]) -> AssetSort {
        guard let text = query.value("sort") else { return hasText ? .relevance : .createdAtDescending }
        guard let sort = AssetSort(rawValue: text) else {
            let allowed = AssetSort.allCases.map(\.rawValue).joined(separator: ", ")
            errors.append(FieldError(field: "sort", message: "'\(text)' is not one of: \(allowed)"))
            return .createdAtDescending
        }
        if sort == .relevance && !hasText {
            errors.append(FieldError(field: "sort", message: "relevance needs a search text in q"))
        }
        return sort
    }

    /// `facets=true` asks for every facet; a list names some.
    private static func parseFacets(_ query: QueryParameters, errors: inout [FieldError]) -> [AssetFacet] {
        let names = query.list("facets")
        if names == ["true"] { return AssetFacet.allCases }
        if names == ["false"] { return [] }
        return query.enumList("facets", as: AssetFacet.self).collect(into: &errors) ?? []
    }
}
