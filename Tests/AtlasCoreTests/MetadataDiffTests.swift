import Foundation
import Testing
import AtlasCore

@Suite("MetadataDiff")
struct MetadataDiffTests {
    @Test("Keys only in the new metadata are added, keys only in the old are removed, different values changed")
    func flat() {
        let diff = MetadataDiff(
            from: ["artist": "mia", "frames": 100, "camera": "A"],
            to: ["artist": "mia", "frames": 120, "lens": "35mm"])
        #expect(diff.added == ["lens": "35mm"])
        #expect(diff.removed == ["camera": "A"])
        #expect(diff.changed == ["frames": MetadataDiff.Change(from: 100, to: 120)])
        #expect(!diff.isEmpty)
    }

    @Test("Equal metadata gives an empty diff", arguments: [
        [:], ["a": 1], ["exr": ["compression": "zip", "channels": ["R", "G", "B"]], "n": nil],
    ] as [Metadata])
    func equal(metadata: Metadata) {
        let diff = MetadataDiff(from: metadata, to: metadata)
        #expect(diff.isEmpty)
        #expect(diff == MetadataDiff(from: [:], to: [:]))
    }

    @Test("Nested objects are compared member by member with dotted paths")
    func nested() {
        let diff = MetadataDiff(
            from: ["exr": ["compression": "zip", "channels": 4, "old": true]],
            to: ["exr": ["compression": "piz", "channels": 4, "tiled": true]])
        #expect(diff.changed == ["exr.compression": MetadataDiff.Change(from: "zip", to: "piz")])
        #expect(diff.added == ["exr.tiled": true])
        #expect(diff.removed == ["exr.old": true])
    }

    @Test("Deeply nested members get the full dotted path")
    func deeplyNested() {
        let diff = MetadataDiff(from: ["a": ["b": ["c": 1, "d": 2]]], to: ["a": ["b": ["c": 2, "d": 2]]])
        #expect(diff.changed == ["a.b.c": MetadataDiff.Change(from: 1, to: 2)])
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
    }

    @Test("An added or removed object is reported whole under its own key")
    func wholeObjectAddedOrRemoved() {
        let diff = MetadataDiff(from: ["old": ["x": 1]], to: ["new": ["y": 2]])
        #expect(diff.added == ["new": ["y": 2]])
        #expect(diff.removed == ["old": ["x": 1]])
    }

    @Test("An object replaced by another kind of value is one change")
    func objectReplacedByScalar() {
        let diff = MetadataDiff(from: ["exr": ["compression": "zip"]], to: ["exr": "none"])
        #expect(diff.changed == ["exr": MetadataDiff.Change(from: ["compression": "zip"], to: "none")])
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
    }

    @Test("Arrays are compared whole, not element by element")
    func arraysWhole() {
        let diff = MetadataDiff(from: ["frames": [1001, 1002, 1003]], to: ["frames": [1001, 1002, 1004]])
        #expect(diff.changed == ["frames": MetadataDiff.Change(from: [1001, 1002, 1003], to: [1001, 1002, 1004])])
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
    }

    @Test("Objects inside arrays are not diffed member by member")
    func objectsInArraysWhole() {
        let diff = MetadataDiff(from: ["layers": [["name": "a"]]], to: ["layers": [["name": "b"]]])
        #expect(Array(diff.changed.keys) == ["layers"])
    }

    @Test("A null value is a value: null to missing is removed, null to a value is changed")
    func nulls() {
        #expect(MetadataDiff(from: ["a": nil], to: [:]).removed == ["a": .null])
        #expect(MetadataDiff(from: ["a": nil], to: ["a": 1]).changed == ["a": MetadataDiff.Change(from: nil, to: 1)])
    }

    @Test("Whole and fractional spellings of the same number are equal")
    func numbersCompareByValue() {
        #expect(MetadataDiff(from: ["n": 1], to: ["n": 1.0]).isEmpty)
        #expect(!MetadataDiff(from: ["n": 1], to: ["n": "1"]).isEmpty)
    }
}
