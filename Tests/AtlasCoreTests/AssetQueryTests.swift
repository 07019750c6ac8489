import Foundation
import Testing
import AtlasCore

private func parse(_ text: String) throws(AtlasError) -> AssetQuery {
    try AssetQuery.parse(QueryParameters(queryString: text))
}

@Suite("AssetQuery")
struct AssetQueryTests {
    @Test("An empty query lists live assets newest first, 50 at a time, with no filters")
    func defaults() throws {
        let query = try parse("")
        #expect(query.sort == .createdAtDescending)
        #expect(query.sort.rawValue == "-created_at")
        #expect(query.paging.limit == 50)
        #expect(query.cursor == nil)
        #expect(query.hasText == false)
        #expect(query.words.isEmpty)
        #expect(query.projectIDs.isEmpty && query.types.isEmpty && query.formats.isEmpty)
        #expect(query.tags.isEmpty && query.statuses.isEmpty && query.facets.isEmpty)
        #expect(query.createdAfter == nil && query.createdBefore == nil)
        #expect(query.deleted == false)
    }

    @Test("A search text makes relevance the default sort")
    func textDefaultsToRelevance() throws {
        let query = try parse("q=Hero+plate_v003")
        #expect(query.hasText)
        #expect(query.words == ["hero", "plate", "v003"])
        #expect(query.sort == .relevance)
    }

    @Test("An explicit sort wins over relevance when there is a search text")
    func explicitSortWithText() throws {
        #expect(try parse("q=hero&sort=name").sort == .name)
        #expect(try parse("q=hero&sort=-updated_at").sort == .updatedAtDescending)
    }

    @Test("Every sort name is accepted", arguments: AssetSort.allCases.filter { $0 != .relevance })
    func everySort(sort: AssetSort) throws {
        #expect(try parse("sort=\(sort.rawValue)").sort == sort)
    }

    @Test("Relevance without a search text is refused", arguments: ["sort=relevance", "sort=relevance&q=", "sort=relevance&q=%20%20"])
    func relevanceNeedsText(text: String) throws {
        let error = try #require(throws: AtlasError.self) { try parse(text) }
        #expect(error.code == "validation_failed")
        #expect(error.fieldErrors == [FieldError(field: "sort", message: "relevance needs a search text in q")])
    }

    @Test("A blank q is no search text and keeps the newest-first default")
    func blankText() throws {
        let query = try parse("q=%20%20")
        #expect(query.hasText == false)
        #expect(query.sort == .createdAtDescending)
    }

    @Test("A q of punctuation only is a search text with no words", arguments: ["q=%21%21%21", "q=...", "q=---_"])
    func punctuationOnly(text: String) throws {
        let query = try parse(text)
        #expect(query.hasText == true)
        #expect(query.words.isEmpty)
        #expect(query.sort == .relevance)
    }

    @Test("A q longer than 500 characters is refused")
    func textTooLong() throws {
        #expect(throws: Never.self) { try parse("q=" + String(repeating: "a", count: 500)) }
        let error = try #require(throws: AtlasError.self) { try parse("q=" + String(repeating: "a", count: 501)) }
        #expect(error.fieldErrors.map(\.field) == ["q"])
    }

    @Test("Unknown sort, type, status, out-of-range limit and reversed dates are all reported together",
          arguments: [0, 501])
    func everyProblemAtOnce(limit: Int) throws {
        let text = "sort=sideways&type=spaceship&status=final&limit=\(limit)"
            + "&created_after=2026-12-01&created_before=2026-11-01"
        let error = try #require(throws: AtlasError.self) { try parse(text) }
        #expect(error.code == "validation_failed")
        #expect(error.status == 400)
        #expect(error.fieldErrors.count == 5)
        #expect(Set(error.fieldErrors.map(\.field)) == ["sort", "type", "status", "limit", "created_after"])
        #expect(error.fieldErrors.contains(FieldError(field: "created_after", message: "must not be later than created_before")))
        #expect(error.fieldErrors.contains { $0.field == "sort" && $0.message.hasPrefix("'sideways' is not one of: created_at, -created_at") })
        #expect(error.fieldErrors.contains { $0.field == "type" && $0.message.hasPrefix("'spaceship' is not one of:") })
        #expect(error.fieldErrors.contains { $0.field == "status" && $0.message.contains("wip, review, approved, deprecated") })
        #expect(error.fieldErrors.contains { $0.field == "limit" && $0.message.contains("1 to 500") })
        #expect(error.detail.contains("sort:") && error.detail.contains("limit:"))
    }

    @Test("Bad project ids, tags, dates, deleted flags and facets are field errors")
    func otherFieldErrors() throws {
        let text = "project_id=nope&tag=bad*tag&created_before=yesterday&deleted=maybe&facets=colour"
        let error = try #require(throws: AtlasError.self) { try parse(text) }
        #expect(error.code == "validation_failed")
        #expect(Set(error.fieldErrors.map(\.field)) == ["project_id", "tag", "created_before", "deleted", "facets"])
    }

    @Test("Unknown parameters are refused before values are checked")
    func unknownParameter() throws {
        let error = try #require(throws: AtlasError.self) { try parse("limit=0&colour=red&size=big") }
        #expect(error.code == "unknown_parameter")
        #expect(error.fieldErrors.map(\.field) == ["colour", "size"])
    }

    @Test("Filters are parsed and normalised")
    func filters() throws {
        let project = try #require(UUID(uuidString: "0190A5B2-1C3D-7E4F-8A9B-0C1D2E3F4A5B"))
        let text = "project_id=\(project.uuidString)&type=plate,texture&format=EXR,Usd&tag=Hero&tag=Lens:35mm"
            + "&status=approved&created_after=2026-11-24&created_before=2026-11-24T12:00:00Z&deleted=true"
        let query = try parse(text)
        #expect(query.projectIDs == [project])
        #expect(query.types == [.plate, .texture])
        #expect(query.formats == ["exr", "usd"])
        #expect(query.tags == ["hero", "lens:35mm"])
        #expect(query.statuses == [.approved])
        #expect(query.createdAfter == Date(timeIntervalSince1970: 1_795_478_400))
        #expect(query.createdBefore == Date(timeIntervalSince1970: 1_795_478_400 + 12 * 3600))
        #expect(query.deleted == true)
    }

    @Test("created_after equal to created_before is allowed")
    func equalDateBounds() {
        #expect(throws: Never.self) { try parse("created_after=2026-11-24&created_before=2026-11-24T00:00:00Z") }
    }

    @Test("Limits from 1 to 500 are accepted", arguments: [1, 50, 500])
    func limits(limit: Int) throws {
        #expect(try parse("limit=\(limit)").paging.limit == limit)
    }

    @Test("facets=true asks for every facet and facets=false for none")
    func facetsBoolean() throws {
        #expect(try parse("facets=true").facets == AssetFacet.allCases)
        #expect(try parse("facets=false").facets == [])
    }

    @Test("A facet list names some facets")
    func facetsList() throws {
        #expect(try parse("facets=type,tag").facets == [.type, .tag])
    }

    @Test("A cursor from a listing with another sort is an invalid_cursor error")
    func cursorFromAnotherSort() throws {
        let cursor = PageCursor(sort: "name", value: "hero", id: UUID()).encoded
        let error = try #require(throws: AtlasError.self) { try parse("cursor=\(cursor)") }
        #expect(error.code == "invalid_cursor")
        #expect(error.status == 400)
    }

    @Test("A cursor from the same sort is decoded")
    func cursorSameSort() throws {
        let cursor = PageCursor(sort: "name", value: "hero", id: UUID())
        #expect(try parse("sort=name&cursor=\(cursor.encoded)").cursor == cursor)
        let relevance = PageCursor(sort: "relevance", offset: 100)
        #expect(try parse("q=hero&cursor=\(relevance.encoded)").cursor == relevance)
    }

    @Test("Field errors are reported before a bad cursor is looked at")
    func fieldErrorsBeforeCursor() throws {
        let error = try #require(throws: AtlasError.self) { try parse("limit=0&cursor=garbage") }
        #expect(error.code == "validation_failed")
    }

    @Test("Search words are de-duplicated and capped at 16")
    func wordsCapped() throws {
        let words = (1...20).map { "w\($0)" }
        let query = try parse("q=" + (words + words).joined(separator: "+"))
        #expect(query.words == Array(words.prefix(16)))
    }

    @Test("Every accepted parameter name is listed")
    func parameterNames() {
        #expect(AssetQuery.parameterNames == [
            "q", "project_id", "type", "format", "tag", "status", "created_after", "created_before",
            "deleted", "sort", "facets", "limit", "cursor",
        ])
    }
}
