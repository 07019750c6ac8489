import Foundation
import Testing
import AtlasCore

private func hash(_ digit: Character) -> ContentHash {
    ContentHash(hex: String(repeating: digit, count: 64))!
}

@Suite("FileDiff")
struct FileDiffTests {
    @Test("Files are sorted into added, removed, changed and unchanged by path")
    func mixed() {
        let diff = FileDiff(
            from: ["geo.usd": hash("1"), "tex/b.png": hash("2"), "tex/a.png": hash("3"), "old.txt": hash("4")],
            to: ["geo.usd": hash("1"), "tex/b.png": hash("5"), "tex/a.png": hash("6"), "new.txt": hash("7"),
                 "a_new.txt": hash("8")])
        #expect(diff.added == ["a_new.txt", "new.txt"])
        #expect(diff.removed == ["old.txt"])
        #expect(diff.changed.map(\.path) == ["tex/a.png", "tex/b.png"])
        #expect(diff.changed.first?.fromSHA256 == hash("3"))
        #expect(diff.changed.first?.toSHA256 == hash("6"))
        #expect(diff.unchanged == ["geo.usd"])
    }

    @Test("Every list is in path order")
    func sortedLists() {
        let paths = ["z.exr", "a.exr", "m/b.exr", "m/a.exr", "B.exr"]
        let added = FileDiff(from: [:], to: Dictionary(uniqueKeysWithValues: paths.map { ($0, hash("a")) }))
        #expect(added.added == paths.sorted())
        let removed = FileDiff(from: Dictionary(uniqueKeysWithValues: paths.map { ($0, hash("a")) }), to: [:])
        #expect(removed.removed == paths.sorted())
    }

    @Test("Identical file sets are all unchanged")
    func identical() {
        let files = ["a.exr": hash("a"), "b.exr": hash("b")]
        let diff = FileDiff(from: files, to: files)
        #expect(diff.unchanged == ["a.exr", "b.exr"])
        #expect(diff.added.isEmpty && diff.removed.isEmpty && diff.changed.isEmpty)
    }

    @Test("Two empty versions give an empty diff")
    func empty() {
        #expect(FileDiff(from: [:], to: [:]) == FileDiff(from: [:], to: [:]))
        let diff = FileDiff(from: [:], to: [:])
        #expect(diff.added.isEmpty && diff.removed.isEmpty && diff.changed.isEmpty && diff.unchanged.isEmpty)
    }

    @Test("A file moved to another path is a removal and an addition")
    func moveIsRemoveAndAdd() {
        let diff = FileDiff(from: ["a.exr": hash("a")], to: ["b.exr": hash("a")])
        #expect(diff.removed == ["a.exr"])
        #expect(diff.added == ["b.exr"])
    }

    @Test("Changed files encode their hashes as from_sha256 and to_sha256")
    func changedCodingKeys() throws {
        let diff = FileDiff(from: ["a.exr": hash("a")], to: ["a.exr": hash("b")])
        let json = String(decoding: try JSONEncoder().encode(diff.changed), as: UTF8.self)
        #expect(json.contains("\"from_sha256\":\"\(hash("a").hex)\""))
        #expect(json.contains("\"to_sha256\":\"\(hash("b").hex)\""))
    }
}
