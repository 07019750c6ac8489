import Foundation
import Testing
import AtlasCore

@Suite("ProjectCode")
struct ProjectCodeTests {
    @Test("validate trims and upper-cases a good code", arguments: [
        ("gld", "GLD"), (" gld ", "GLD"), ("toys_2026", "TOYS_2026"), ("a-b", "A-B"), ("X", "X"), ("007", "007"),
    ] as [(String, String)])
    func validateAccepts(raw: String, expected: String) {
        #expect(ProjectCode.validate(raw) == .success(expected))
    }

    @Test("validate accepts 32 characters and refuses 33")
    func validateLength() throws {
        let longest = String(repeating: "A", count: 32)
        #expect(ProjectCode.validate(longest) == .success(longest))
        #expect((try? ProjectCode.validate(longest + "A").get()) == nil)
    }

    @Test("validate refuses empty codes and characters other than A–Z, digits, '_' and '-'", arguments: [
        "", "   ", "GL D", "GLD!", "GLÉ", "gl.d", "GLD/1", "ǆ", "東京", "GLD\n1",
    ])
    func validateRefuses(raw: String) throws {
        let error = try #require(throws: FieldError.self) { try ProjectCode.validate(raw).get() }
        #expect(error.field == "code")
        #expect(error.message == "must be 1 to 32 letters A–Z, digits, '_' or '-' (got '\(raw)')")
    }

    @Test("validate reports errors under the field name given")
    func validateCustomField() throws {
        let error = try #require(throws: FieldError.self) { try ProjectCode.validate("", field: "project_code").get() }
        #expect(error.field == "project_code")
    }

    @Test("derive makes a code from a name's letters and digits", arguments: [
        ("Golden Hour", "GOLDEN_HOUR"),
        ("golden hour", "GOLDEN_HOUR"),
        ("Toys (2026)!", "TOYS_2026"),
        ("  --Hero--  Plate  ", "HERO_PLATE"),
        ("a.b,c;d", "A_B_C_D"),
        ("GLD", "GLD"),
        ("snake_case_name", "SNAKE_CASE_NAME"),
        ("Café Noir", "CAF_NOIR"),
    ] as [(String, String)])
    func derive(name: String, expected: String) {
        #expect(ProjectCode.derive(from: name) == expected)
    }

    @Test("derive falls back to PROJECT when a name has no letters or digits", arguments: ["", "   ", "!!!", "___", "東京"])
    func deriveFallback(name: String) {
        #expect(ProjectCode.derive(from: name) == "PROJECT")
    }

    @Test("derive keeps at most 32 characters")
    func deriveLength() {
        let code = ProjectCode.derive(from: String(repeating: "Long Name ", count: 10))
        #expect(code.count == 32)
        #expect(code.hasPrefix("LONG_NAME_LONG_NAME"))
    }

    @Test("A derived code never starts or ends with an underscore, even when cut at 32 characters")
    func deriveCutDoesNotLeaveUnderscore() {
        let code = ProjectCode.derive(from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ12345 Extra")
        #expect(code == "ABCDEFGHIJKLMNOPQRSTUVWXYZ12345")
        #expect(!code.hasPrefix("_") && !code.hasSuffix("_"))
    }

    @Test("A derived code always passes validate", arguments: [
        "Golden Hour", "", "Toys (2026)!", String(repeating: "x y ", count: 40), "ß straße", "ﬁnal ﬂight",
    ])
    func derivedCodesAreValid(name: String) {
        let code = ProjectCode.derive(from: name)
        #expect(ProjectCode.validate(code) == .success(code))
    }
}
