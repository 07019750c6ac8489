import Foundation
import Testing
import AtlasCore

/// URL-safe, unpadded base64 of raw bytes, as the server writes cursors.
private func base64URL(_ text: String) -> String {
    Data(text.utf8).base64EncodedString()
        .replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
}

private func expectInvalidCursor(_ text: String, sort: String = "-created_at",
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
    let error = try #require(throws: AtlasError.self, sourceLocation: sourceLocation) {
        try PageCursor.decode(text, expectedSort: sort)
    }
    #expect(error.code == "invalid_cursor", sourceLocation: sourceLocation)
    #expect(error.status == 400, sourceLocation: sourceLocation)
}

@Suite("PageCursor")
struct PageCursorTests {
    static let id = UUID(uuidString: "0190A5B2-1C3D-7E4F-8A9B-0C1D2E3F4A5B")!

    static let cursors: [PageCursor] = [
        PageCursor(sort: "-created_at", value: "2026-11-24T09:30:00.123Z", id: id),
        PageCursor(sort: "name", value: "Hero plate ~ v003 / é ? >>", id: id),
        PageCursor(sort: "relevance", offset: 150),
        PageCursor(sort: "relevance", offset: 0),
        PageCursor(sort: "updated_at", id: id),
        PageCursor(sort: "name", value: ""),
    ]

    @Test("A cursor decodes back to itself", arguments: cursors)
    func roundTrip(cursor: PageCursor) throws {
        #expect(try PageCursor.decode(cursor.encoded, expectedSort: cursor.sort) == cursor)
    }

    @Test("The encoded form is URL-safe base64 without padding", arguments: cursors)
    func urlSafe(cursor: PageCursor) {
        let encoded = cursor.encoded
        #expect(!encoded.isEmpty)
        #expect(encoded.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }

    @Test("Values that base64 to '+' and '/' still round trip")
    func urlSafeAlphabetRoundTrip() throws {
        for length in 0..<24 {
            let cursor = PageCursor(sort: "name", value: String(repeating: "?>~", count: length))
            #expect(!cursor.encoded.contains { "+/=".contains($0) })
            #expect(try PageCursor.decode(cursor.encoded, expectedSort: "name") == cursor)
        }
    }

    @Test("A tampered cursor is invalid")
    func tampered() throws {
        let encoded = PageCursor(sort: "-created_at", value: "2026-11-24T09:30:00.123Z", id: Self.id).encoded
        try expectInvalidCursor("A" + encoded.dropFirst())
        try expectInvalidCursor(String(encoded.dropLast(6)))
        try expectInvalidCursor(encoded + "AAAA")
    }

    @Test("Text that is not base64 is an invalid cursor", arguments: ["not a cursor!", "%%%%", "", "a", "é"])
    func notBase64(text: String) throws {
        try expectInvalidCursor(text)
    }

    @Test("Base64 of JSON that is not a cursor is invalid", arguments: ["{\"x\":1}", "[]", "null", "{\"s\":5}", "hello"])
    func notCursorJSON(json: String) throws {
        try expectInvalidCursor(base64URL(json))
    }

    @Test("A cursor longer than 2048 characters is refused, one just under is accepted")
    func overLong() throws {
        let short = PageCursor(sort: "name", value: String(repeating: "x", count: 1_400))
        #expect(short.encoded.count <= 2_048)
        #expect(try PageCursor.decode(short.encoded, expectedSort: "name") == short)

        let long = PageCursor(sort: "name", value: String(repeating: "x", count: 1_600))
        #expect(long.encoded.count > 2_048)
        try expectInvalidCursor(long.encoded, sort: "name")
        try expectInvalidCursor(String(repeating: "A", count: 100_000))
    }

    @Test("A negative offset is refused")
    func negativeOffset() throws {
        try expectInvalidCursor(PageCursor(sort: "relevance", offset: -1).encoded, sort: "relevance")
    }

    @Test("A cursor from a listing with another sort is refused, naming both sorts")
    func sortMismatch() throws {
        let encoded = PageCursor(sort: "name", value: "hero", id: Self.id).encoded
        let error = try #require(throws: AtlasError.self) {
            try PageCursor.decode(encoded, expectedSort: "-name")
        }
        #expect(error.code == "invalid_cursor")
        #expect(error.status == 400)
        #expect(error.detail.contains("'name'") && error.detail.contains("'-name'"))
    }

    @Test("The JSON inside is compact, with one-letter keys")
    func compactJSON() throws {
        let cursor = PageCursor(sort: "relevance", offset: 7)
        let json = try JSONDecoder().decode([String: JSONValue].self, from: JSONEncoder().encode(cursor))
        #expect(json == ["s": "relevance", "o": 7])
    }
}
