import AtlasCore
import Foundation
import Testing

/// What schemathesis found in list parameters and tag lists (scripts/schemathesis).
@Suite("Blank list parameters and bad tags in a list")
struct ListParameterStrictnessTests {
    @Test("An enum list given without a value is refused, not read as no filter",
          arguments: ["status=", "status=,", "status=%20", "status=&status=", "status"])
    func blankEnumList(text: String) throws {
        let error = try #require(throws: FieldError.self) {
            try QueryParameters(queryString: text).enumList("status", as: VersionStatus.self).get()
        }
        #expect(error.field == "status")
        #expect(error.message.hasPrefix("must not be empty"))
    }

    @Test("A UUID list given without a value is refused")
    func blankUUIDList() throws {
        let error = try #require(throws: FieldError.self) { try QueryParameters(queryString: "project_id=").uuidList("project_id").get() }
        #expect(error.field == "project_id")
    }

    @Test("An absent list is still no filter, and a stray comma beside a value is still dropped")
    func absentOrTrailingComma() {
        #expect(QueryParameters(queryString: "").enumList("status", as: VersionStatus.self) == .success([]))
        #expect(QueryParameters(queryString: "status=wip,").enumList("status", as: VersionStatus.self) == .success([.wip]))
        #expect(QueryParameters(queryString: "limit=5").uuidList("project_id") == .success([]))
    }

    @Test("A listing given an empty filter reports it with the other problems")
    func assetQueryBlankFilter() throws {
        let error = try #require(throws: AtlasError.self) {
            try AssetQuery.parse(QueryParameters(queryString: "type=&project_id=&limit=0"))
        }
        #expect(error.code == "validation_failed")
        #expect(Set(error.fieldErrors.map(\.field)) == ["type", "project_id", "limit"])
    }

    @Test("A bad tag in a list is reported at its place in the list, not as the whole list")
    func tagAtIndex() {
        #expect(FieldRules.tags(["ok", ""]) == .failure(FieldError(field: "tags[1]", message: "a tag must not be empty")))
        #expect((try? FieldRules.tags(["a", "b!"], field: "labels").get()) == nil)
        if case .failure(let error) = FieldRules.tags(["a", "b!"], field: "labels") { #expect(error.field == "labels[1]") }
        #expect(FieldRules.tag("", field: "tag") == .failure(FieldError(field: "tag", message: "a tag must not be empty")))
    }
}
