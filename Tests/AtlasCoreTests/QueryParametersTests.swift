import Foundation
import Testing
import AtlasCore

private func query(_ text: String) -> QueryParameters {
    QueryParameters(queryString: text)
}

@Suite("QueryParameters")
struct QueryParametersTests {
    // MARK: Decoding

    @Test("A missing or empty query string has no parameters", arguments: [nil, ""] as [String?])
    func emptyQuery(text: String?) {
        #expect(QueryParameters(queryString: text).items.isEmpty)
    }

    @Test("'+' and '%20' both decode to a space")
    func spaces() {
        #expect(query("q=red+car").value("q") == "red car")
        #expect(query("q=red%20car").value("q") == "red car")
        #expect(query("q=a+b%20c++d").value("q") == "a b c  d")
    }

    @Test("An encoded plus '%2B' stays a literal plus")
    func encodedPlus() {
        #expect(query("q=%2B1+more").value("q") == "+1 more")
    }

    @Test("Percent-encoded UTF-8 decodes to unicode text")
    func percentEncodedUnicode() {
        #expect(query("q=caf%C3%A9").value("q") == "café")
        #expect(query("q=a%26b%3Dc").value("q") == "a&b=c")
    }

    @Test("Parameter order and repeats are kept")
    func itemsInOrder() {
        let items = query("b=2&a=1&b=3").items
        #expect(items.map(\.name) == ["b", "a", "b"])
        #expect(items.map(\.value) == ["2", "1", "3"])
    }

    @Test("A parameter without '=' has an empty value")
    func flagWithoutValue() {
        #expect(query("deleted").value("deleted") == "")
    }

    @Test("value(_:) is the last value given, nil when absent")
    func lastValueWins() {
        let parameters = query("limit=10&limit=20")
        #expect(parameters.value("limit") == "20")
        #expect(parameters.value("cursor") == nil)
    }

    @Test("A trailing, leading or doubled '&' adds no parameter", arguments: [
        "limit=10&", "&limit=10", "limit=10&&cursor=abc",
    ])
    func strayAmpersands(text: String) throws {
        let parameters = query(text)
        #expect(parameters.items.allSatisfy { !$0.name.isEmpty })
        #expect(throws: Never.self) { try parameters.requireOnly(["limit", "cursor"]) }
    }

    @Test("Query strings that are not strictly percent-encoded are read without crashing")
    func lenientRawText() async {
        await #expect(processExitsWith: .success) {
            for text in ["q=50%", "q=%ZZ", "q=red car", "q=a|b", "q=[1]", "q=café", "q=\"x\""] {
                _ = QueryParameters(queryString: text).value("q")
            }
        }
    }

    // MARK: Lists

    @Test("Lists split commas, join repeated keys, trim and drop blanks")
    func lists() {
        let parameters = query("tag=a,b&tag=c&tag=,&tag=%20d%20&tag=&other=x")
        #expect(parameters.list("tag") == ["a", "b", "c", "d"])
        #expect(parameters.list("missing") == [])
    }

    // MARK: Unknown parameters

    @Test("requireOnly reports every unknown name in one unknown_parameter error")
    func unknownParameters() throws {
        let parameters = query("limit=5&shape=round&colour=red&colour=blue")
        let error = try #require(throws: AtlasError.self) { try parameters.requireOnly(["limit", "cursor"]) }
        #expect(error.code == "unknown_parameter")
        #expect(error.status == 400)
        #expect(error.fieldErrors.map(\.field) == ["colour", "shape"])
        #expect(error.fieldErrors.allSatisfy { $0.message == "is not a parameter of this listing" })
        #expect(error.detail.contains("colour, shape"))
        #expect(error.detail.contains("Allowed: cursor, limit"))
    }

    @Test("requireOnly accepts known names, repeated or not")
    func knownParameters() {
        #expect(throws: Never.self) { try query("limit=5&cursor=x&limit=6").requireOnly(["limit", "cursor"]) }
        #expect(throws: Never.self) { try query("").requireOnly([]) }
    }

    @Test("Parameter names are case-sensitive")
    func namesCaseSensitive() throws {
        let error = try #require(throws: AtlasError.self) { try query("Limit=5").requireOnly(["limit"]) }
        #expect(error.fieldErrors.map(\.field) == ["Limit"])
    }

    // MARK: Integers

    @Test("An absent integer is the default, a present one is parsed")
    func integers() {
        #expect(query("").integer("limit", default: 50, range: 1...500) == .success(50))
        #expect(query("limit=25").integer("limit", default: 50, range: 1...500) == .success(25))
        #expect(query("limit=1").integer("limit", default: 50, range: 1...500) == .success(1))
        #expect(query("limit=500").integer("limit", default: 50, range: 1...500) == .success(500))
    }

    @Test("Integers out of range or not whole numbers are refused with the range", arguments: [
        "0", "501", "-1", "ten", "2.5", "", "1e2", "99999999999999999999999",
    ])
    func integerErrors(text: String) {
        let result = query("limit=\(text)").integer("limit", default: 50, range: 1...500)
        #expect(result == .failure(FieldError(field: "limit", message: "must be a whole number from 1 to 500")))
    }

    // MARK: Booleans

    @Test("Booleans accept true/false, 1/0 and yes/no in any case", arguments: [
        ("true", true), ("TRUE", true), ("1", true), ("yes", true), ("Yes", true),
        ("false", false), ("False", false), ("0", false), ("no", false), ("NO", false),
    ])
    func booleans(text: String, expected: Bool) {
        #expect(query("deleted=\(text)").boolean("deleted") == .success(expected))
    }

    @Test("An absent boolean is the default")
    func booleanDefault() {
        #expect(query("").boolean("deleted") == .success(false))
        #expect(query("").boolean("deleted", default: true) == .success(true))
    }

    @Test("Anything else is not a boolean", arguments: ["maybe", "", "2", "on", "truee"])
    func booleanErrors(text: String) {
        #expect(query("deleted=\(text)").boolean("deleted")
            == .failure(FieldError(field: "deleted", message: "must be true or false")))
    }

    // MARK: Dates

    @Test("Dates accept ISO 8601 date-times with and without fraction, and offsets")
    func dateTimes() {
        let base = Date(timeIntervalSince1970: 1_795_478_400 + 9 * 3600 + 30 * 60)   // 2026-11-24T09:30:00Z
        #expect(query("created_after=2026-11-24T09:30:00Z").date("created_after") == .success(base))
        #expect(query("created_after=2026-11-24T09:30:00.250Z").date("created_after") == .success(base + 0.25))
        #expect(query("created_after=2026-11-24T10:30:00%2B01:00").date("created_after") == .success(base))
    }

    @Test("A plain date means its midnight UTC")
    func plainDate() {
        #expect(query("created_after=2026-11-24").date("created_after")
            == .success(Date(timeIntervalSince1970: 1_795_478_400)))
    }

    @Test("An absent date is nil")
    func absentDate() {
        #expect(query("").date("created_after") == .success(nil))
    }

    @Test("Text that is not an ISO 8601 date is refused with an example", arguments: [
        "yesterday", "", "24/11/2026", "2026-13-45", "1795478400",
    ])
    func dateErrors(text: String) throws {
        let error = try #require(throws: FieldError.self) {
            try query("created_before=\(text)").date("created_before").get()
        }
        #expect(error.field == "created_before")
        #expect(error.message.contains("ISO 8601"))
        #expect(error.message.contains("2026-11-24T09:30:00Z"))
    }

    // MARK: Enumerations

    @Test("Enum lists read every value from comma lists and repeated keys")
    func enumLists() {
        let result = query("type=plate,texture&type=light_rig").enumList("type", as: AssetType.self)
        #expect(result == .success([.plate, .texture, .lightRig]))
        #expect(query("").enumList("type", as: AssetType.self) == .success([]))
    }

    @Test("An unknown enum value is refused, naming it and every allowed value")
    func enumListErrors() throws {
        let error = try #require(throws: FieldError.self) {
            try query("type=plate,spaceship").enumList("type", as: AssetType.self).get()
        }
        let allowed = AssetType.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(error == FieldError(field: "type", message: "'spaceship' is not one of: \(allowed)"))
        #expect(error.message.contains("geometry, material, texture, plate, sequence, light_rig"))
    }

    @Test("Enum values are case-sensitive raw values")
    func enumCaseSensitive() {
        #expect((try? query("status=WIP").enumList("status", as: VersionStatus.self).get()) == nil)
        #expect(query("status=wip").enumList("status", as: VersionStatus.self) == .success([.wip]))
    }

    // MARK: UUIDs

    @Test("UUID lists accept either case")
    func uuidLists() throws {
        let a = try #require(UUID(uuidString: "0190A5B2-1C3D-7E4F-8A9B-0C1D2E3F4A5B"))
        let b = try #require(UUID(uuidString: "0190A5B2-1C3D-7E4F-8A9B-0C1D2E3F4A5C"))
        let text = "project_id=\(a.uuidString.lowercased()),\(b.uuidString)"
        #expect(query(text).uuidList("project_id") == .success([a, b]))
    }

    @Test("A value that is not a UUID is refused by name", arguments: ["nope", "1234", "0190A5B2-1C3D-7E4F-8A9B"])
    func uuidErrors(text: String) {
        #expect(query("project_id=\(text)").uuidList("project_id")
            == .failure(FieldError(field: "project_id", message: "'\(text)' is not a UUID")))
    }
}
