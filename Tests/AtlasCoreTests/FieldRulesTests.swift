import Foundation
import Testing
import AtlasCore

@Suite("FieldRules")
struct FieldRulesTests {
    // MARK: Names

    @Test("A name is trimmed of surrounding whitespace and newlines")
    func nameTrimmed() {
        #expect(FieldRules.name("  Hero Plate \n\t") == .success("Hero Plate"))
    }

    @Test("An empty or blank name is refused", arguments: ["", "   ", "\n\t "])
    func nameEmpty(raw: String) throws {
        let error = try #require(throws: FieldError.self) { try FieldRules.name(raw).get() }
        #expect(error == FieldError(field: "name", message: "must not be empty"))
    }

    @Test("A name of 200 characters is accepted and one of 201 is refused")
    func nameLength() throws {
        let longest = String(repeating: "a", count: 200)
        #expect(FieldRules.name(longest) == .success(longest))
        let error = try #require(throws: FieldError.self) {
            try FieldRules.name(longest + "b").get()
        }
        #expect(error.field == "name")
        #expect(error.message == "must be at most 200 characters (got 201)")
    }

    @Test("Name length counts characters, not bytes")
    func nameLengthInCharacters() {
        let accented = String(repeating: "é", count: 200)
        #expect(FieldRules.name(accented) == .success(accented))
    }

    @Test("Whitespace around a 200 character name does not count towards the limit")
    func nameLengthAfterTrim() {
        let longest = String(repeating: "a", count: 200)
        #expect(FieldRules.name("   \(longest)   ") == .success(longest))
    }

    @Test("A name containing control characters is refused", arguments: [
        "line\nbreak", "tab\there", "bell\u{07}", "nul\u{0}byte", "del\u{7F}ete", "esc\u{1B}[0m",
    ])
    func nameControlCharacters(raw: String) throws {
        let error = try #require(throws: FieldError.self) { try FieldRules.name(raw).get() }
        #expect(error.message == "must not contain control characters")
    }

    @Test("Name errors are reported under the field name given")
    func nameCustomField() throws {
        let error = try #require(throws: FieldError.self) { try FieldRules.name("", field: "display_name").get() }
        #expect(error.field == "display_name")
    }

    @Test("Names keep unicode letters, punctuation and inner spaces", arguments: [
        "Café Noir — v2", "東京 Night", "plate_v003.exr", "A",
    ])
    func nameUnicodeAccepted(raw: String) {
        #expect(FieldRules.name(raw) == .success(raw))
    }

    // MARK: Descriptions

    @Test("A description may be empty or up to 10,000 characters, not more")
    func descriptionLength() throws {
        #expect(FieldRules.description("") == .success(""))
        let longest = String(repeating: "x", count: 10_000)
        #expect(FieldRules.description(longest) == .success(longest))
        let error = try #require(throws: FieldError.self) { try FieldRules.description(longest + "x").get() }
        #expect(error.field == "description")
    }

    // MARK: Tags

    @Test("A tag is trimmed and lowercased", arguments: [
        ("  Hero ", "hero"), ("LENS:35MM", "lens:35mm"), ("Golden Hour", "golden hour"), ("ÉCLAIR", "éclair"),
    ])
    func tagNormalised(raw: String, expected: String) {
        #expect(FieldRules.tag(raw) == .success(expected))
    }

    @Test("A tag may hold letters, digits, spaces and - _ . : /", arguments: [
        "rain-heavy", "dust_fine", "v1.2", "lens:35mm", "fx/smoke", "golden hour", "wölfe", "1001",
    ])
    func tagAllowedCharacters(raw: String) {
        #expect(FieldRules.tag(raw) == .success(raw))
    }

    @Test("A tag with any other character is refused", arguments: [
        "hero!", "a*b", "#tag", "tab\tinside", "semi;colon", "quote\"", "comma,tag", "emoji🔥",
    ])
    func tagRefusedCharacters(raw: String) throws {
        let error = try #require(throws: FieldError.self) { try FieldRules.tag(raw).get() }
        #expect(error.field == "tags")
        #expect(error.message.contains("may hold only letters, digits, spaces and - _ . : /"))
    }

    @Test("An empty tag is refused", arguments: ["", "   "])
    func tagEmpty(raw: String) throws {
        let error = try #require(throws: FieldError.self) { try FieldRules.tag(raw).get() }
        #expect(error.message == "a tag must not be empty")
    }

    @Test("A tag of 64 characters is accepted and one of 65 is refused")
    func tagLength() throws {
        let longest = String(repeating: "t", count: 64)
        #expect(FieldRules.tag(longest) == .success(longest))
        let error = try #require(throws: FieldError.self) { try FieldRules.tag(longest + "t").get() }
        #expect(error.message.contains("longer than 64 characters"))
    }

    @Test("Tag errors are reported under the field name given")
    func tagCustomField() throws {
        let error = try #require(throws: FieldError.self) { try FieldRules.tag("!", field: "tag").get() }
        #expect(error.field == "tag")
    }

    @Test("A tag set is normalised, duplicates collapse and the result is sorted")
    func tagsCollapseAndSort() {
        #expect(FieldRules.tags(["Hero", "alpha", " HERO ", "hero", "Zulu"]) == .success(["alpha", "hero", "zulu"]))
        #expect(FieldRules.tags([]) == .success([]))
    }

    @Test("Up to 100 distinct tags are accepted, 101 are refused")
    func tagsCount() throws {
        let hundred = (1...100).map { "tag\($0)" }
        #expect((try? FieldRules.tags(hundred).get())?.count == 100)
        let error = try #require(throws: FieldError.self) { try FieldRules.tags(hundred + ["tag101"]).get() }
        #expect(error == FieldError(field: "tags", message: "at most 100 tags per asset"))
    }

    @Test("The limit counts distinct tags after normalising, not raw entries")
    func tagsCountAfterCollapse() {
        let raw = (1...100).map { "tag\($0)" } + (1...50).map { "TAG\($0)" }
        #expect((try? FieldRules.tags(raw).get())?.count == 100)
    }

    @Test("One bad tag refuses the whole set with that tag's error")
    func tagsOneBad() throws {
        let error = try #require(throws: FieldError.self) { try FieldRules.tags(["fine", "bad!", ""]).get() }
        #expect(error.message.contains("bad!"))
    }

    // MARK: File paths

    @Test("Relative paths with '/' separators are accepted as given", arguments: [
        "a/b.exr", "plate.exr", "tex/diffuse/wood_1001.png", "..a", "a..b/c", "a/.hidden", "sp ace/é.usd",
    ])
    func pathAccepted(raw: String) {
        #expect(FieldRules.filePath(raw) == .success(raw))
    }

    @Test("Absolute paths, backslashes and NUL are refused", arguments: [
        "/abs/x.exr", "/", "a\\b.exr", "C:\\tex\\a.png", "a\u{0}b",
    ])
    func pathNotRelative(raw: String) throws {
        let error = try #require(throws: FieldError.self) { try FieldRules.filePath(raw).get() }
        #expect(error.field == "path")
        #expect(error.message.contains("must be a relative path with '/' separators"))
    }

    @Test("Paths with '.', '..' or empty parts are refused", arguments: [
        ".", "..", "../x.exr", "a/../b", "a/./b", "./a", "a/..", "a//b", "a/", "a/b/",
    ])
    func pathBadParts(raw: String) throws {
        let error = try #require(throws: FieldError.self) { try FieldRules.filePath(raw).get() }
        #expect(error.message.contains("must not contain empty, '.' or '..' parts"))
    }

    @Test("An empty path is refused")
    func pathEmpty() throws {
        let error = try #require(throws: FieldError.self) { try FieldRules.filePath("").get() }
        #expect(error == FieldError(field: "path", message: "must not be empty"))
    }

    @Test("Paths with other control characters are refused", arguments: ["a\u{07}b", "line\nbreak.exr", "tab\t.exr"])
    func pathControlCharacters(raw: String) throws {
        let error = try #require(throws: FieldError.self) { try FieldRules.filePath(raw).get() }
        #expect(error.message == "must not contain control characters")
    }

    @Test("A path of 1024 bytes is accepted and one of 1025 is refused")
    func pathByteLimit() throws {
        let longest = String(repeating: "a", count: 1024)
        #expect(FieldRules.filePath(longest) == .success(longest))
        let error = try #require(throws: FieldError.self) { try FieldRules.filePath(longest + "a").get() }
        #expect(error.message == "must be at most 1024 bytes")
    }

    @Test("The path limit counts UTF-8 bytes, not characters")
    func pathByteLimitMultibyte() {
        let fits = String(repeating: "é", count: 512)   // 1024 bytes
        #expect(FieldRules.filePath(fits) == .success(fits))
        #expect((try? FieldRules.filePath(fits + "é").get()) == nil)   // 513 characters, 1026 bytes
    }

    // MARK: Metadata

    @Test("Metadata up to 65,536 encoded bytes is accepted, larger is refused")
    func metadataSize() throws {
        let metadata: Metadata = ["frames": 1001]
        #expect(FieldRules.metadata(metadata, encodedSize: 65_536) == .success(metadata))
        #expect(FieldRules.metadata([:], encodedSize: 0) == .success([:]))
        let error = try #require(throws: FieldError.self) {
            try FieldRules.metadata(metadata, encodedSize: 65_537).get()
        }
        #expect(error == FieldError(field: "metadata", message: "must be at most 65536 bytes of JSON (got 65537)"))
    }

    // MARK: Formats

    @Test("The format of a path is its lowercased last extension", arguments: [
        ("plate.1001.EXR", "exr"), ("a/b.exr", "exr"), ("shot/v1.2/geo.USD", "usd"), ("archive.tar.gz", "gz"),
        ("/abs/x.Abc", "abc"),
    ] as [(String, String)])
    func formatOfPath(path: String, expected: String) {
        #expect(FieldRules.format(ofPath: path) == expected)
    }

    @Test("A path without an extension has no format", arguments: [
        "README", ".hidden", "tex/.hidden", "shot/v1.2/plate", "file.", "",
    ])
    func formatNone(path: String) {
        #expect(FieldRules.format(ofPath: path) == nil)
    }

    // MARK: Collecting errors

    @Test("collect(into:) returns values and gathers every failure")
    func collectGathersErrors() {
        var errors: [FieldError] = []
        let name = FieldRules.name("", field: "name").collect(into: &errors)
        let tag = FieldRules.tag("Good").collect(into: &errors)
        let path = FieldRules.filePath("/etc/passwd").collect(into: &errors)
        let code = ProjectCode.validate("bad code!").collect(into: &errors)
        #expect(name == nil)
        #expect(tag == "good")
        #expect(path == nil)
        #expect(code == nil)
        #expect(errors.map(\.field) == ["name", "path", "code"])
    }

    @Test("collect(into:) leaves the error list alone on success")
    func collectSuccess() {
        var errors: [FieldError] = []
        #expect(FieldRules.name("ok").collect(into: &errors) == "ok")
        #expect(errors.isEmpty)
    }
}
