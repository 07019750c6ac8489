import AtlasCore
import Foundation
import Testing

@Suite("Passwords, usernames, throttling, audit summaries and project scope")
struct AccountRulesTests {
    @Test("Passwords of fewer than 12 characters are refused with a message that says so")
    func passwordLength() throws {
        let refused = try #require(PasswordPolicy.check("elevenchars").failure)
        #expect(refused.field == "password" && refused.message.contains("12"))
        #expect(try PasswordPolicy.check("twelve chars").get() == "twelve chars")
        #expect(PasswordPolicy.check(String(repeating: " ", count: 20)).failure != nil)
        #expect(PasswordPolicy.check("ünïcödé pässwörd").failure == nil, "characters, not bytes, are counted")
    }

    @Test("Usernames are lowercased; spaces, slashes and empty names are refused")
    func usernames() throws {
        #expect(try UsernameRule.check("  Ada.Lovelace ").get() == "ada.lovelace")
        for bad in ["", "a b", "a/b", "-lead", String(repeating: "x", count: 65)] {
            #expect(UsernameRule.check(bad).failure != nil, "'\(bad)'")
        }
    }

    @Test("Ten failures within 15 minutes throttle the account until the oldest of them ages out")
    func throttle() {
        let throttle = LoginThrottle()
        let now = Date(timeIntervalSince1970: 1_000_000)
        let nine = (1...9).map { now.addingTimeInterval(-Double($0) * 60) }
        #expect(throttle.retryAfter(failures: nine, now: now) == nil)
        let ten = nine + [now.addingTimeInterval(-600)]
        // The oldest counted failure was 600 s ago: it leaves the 900 s window in 300 s.
        #expect(throttle.retryAfter(failures: ten, now: now) == 300)
        let stale = nine + [now.addingTimeInterval(-901)]
        #expect(throttle.retryAfter(failures: stale, now: now) == nil, "failures older than the window do not count")
    }

    @Test("An audit summary keeps only the fields that changed, and no bookkeeping")
    func auditSummary() {
        let before: JSONValue = ["name": "crate", "tags": ["prop"], "revision": 1, "updated_at": "a"]
        let after: JSONValue = ["name": "crate large", "tags": ["prop"], "revision": 2, "updated_at": "b"]
        #expect(AuditSummary.of(before: before, after: after) == ["before": ["name": "crate"], "after": ["name": "crate large"]])
        #expect(AuditSummary.of(before: nil, after: ["name": "new", "etag": "x"]) == ["after": ["name": "new"]])
        #expect(AuditSummary.of(before: ["name": "gone"], after: nil) == ["before": ["name": "gone"]])
    }

    @Test("A listing covers the requested projects the caller may see, all of them when none is named, nothing when none is visible")
    func projectScope() {
        let a = UUID(), b = UUID(), c = UUID()
        #expect(ProjectScope.restrict([], to: nil) == [])
        #expect(ProjectScope.restrict([a], to: nil) == [a])
        #expect(ProjectScope.restrict([], to: [a, b]) == [a, b])
        #expect(ProjectScope.restrict([a, c], to: [a, b]) == [a])
        #expect(ProjectScope.restrict([c], to: [a, b]) == nil)
        #expect(ProjectScope.restrict([], to: []) == nil)
    }

    @Test("Audit filters are parsed, unknown parameters and backwards time ranges refused")
    func auditQuery() throws {
        let query = try AuditQuery.parse(QueryParameters(queryString: "actor=Admin&action=updateAsset,deleteAsset&after=2026-01-01&limit=5"))
        #expect(query.actors == ["admin"] && query.actions == ["updateAsset", "deleteAsset"] && query.paging.limit == 5)
        #expect(throws: AtlasError.self) { try AuditQuery.parse(QueryParameters(queryString: "who=me")) }
        #expect(throws: AtlasError.self) { try AuditQuery.parse(QueryParameters(queryString: "after=2026-02-01&before=2026-01-01")) }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
