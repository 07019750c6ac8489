import Foundation
import Testing
import AtlasCore

private func paging(_ text: String) -> (Paging, [FieldError]) {
    var errors: [FieldError] = []
    let paging = Paging.parse(QueryParameters(queryString: text), errors: &errors)
    return (paging, errors)
}

@Suite("Paging")
struct PagingTests {
    @Test("The default limit is 50 and the largest is 500")
    func constants() {
        #expect(Paging.defaultLimit == 50)
        #expect(Paging.maxLimit == 500)
        #expect(Paging.parameterNames == ["limit", "cursor"])
        #expect(Paging().limit == 50)
        #expect(Paging().cursorText == nil)
    }

    @Test("Without parameters a listing pages 50 at a time from the start")
    func defaults() throws {
        let (result, errors) = paging("")
        #expect(errors.isEmpty)
        #expect(result.limit == 50)
        #expect(result.cursorText == nil)
        #expect(try result.cursor(sort: "-created_at") == nil)
    }

    @Test("Limits from 1 to 500 are accepted", arguments: [1, 2, 499, 500])
    func limitsInRange(limit: Int) {
        let (result, errors) = paging("limit=\(limit)")
        #expect(errors.isEmpty)
        #expect(result.limit == limit)
    }

    @Test("Limits outside 1 to 500 are a limit error and fall back to the default", arguments: ["0", "501", "-1", "ten", ""])
    func limitsOutOfRange(text: String) {
        let (result, errors) = paging("limit=\(text)")
        #expect(errors == [FieldError(field: "limit", message: "must be a whole number from 1 to 500")])
        #expect(result.limit == 50)
    }

    @Test("The cursor text is kept and decoded for its own sort")
    func cursor() throws {
        let cursor = PageCursor(sort: "name", value: "hero", id: UUID())
        let encoded = cursor.encoded
        let (result, errors) = paging("cursor=\(encoded)&limit=10")
        #expect(errors.isEmpty)
        #expect(result.cursorText == encoded)
        #expect(try result.cursor(sort: "name") == cursor)
    }

    @Test("A cursor decoded for another sort is invalid_cursor")
    func cursorOtherSort() throws {
        let result = Paging(cursorText: PageCursor(sort: "name").encoded)
        let error = try #require(throws: AtlasError.self) { try result.cursor(sort: "-created_at") }
        #expect(error.code == "invalid_cursor")
    }
}
