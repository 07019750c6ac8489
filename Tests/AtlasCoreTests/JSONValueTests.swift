import Foundation
import Testing
import AtlasCore

private func encode(_ value: JSONValue) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

private func decode(_ json: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
}

@Suite("JSONValue")
struct JSONValueTests {
    static let nested: JSONValue = [
        "name": "plate",
        "frames": [1001, 1002.5, -3],
        "exr": ["compression": "zip", "tiled": true, "layers": [["name": "beauty"], ["name": "depth"]]],
        "note": nil,
        "empty": [:],
        "none": [],
    ]

    @Test("Nested JSON decodes and encodes back unchanged")
    func roundTrip() throws {
        let json = #"{"empty":{},"exr":{"compression":"zip","layers":[{"name":"beauty"},{"name":"depth"}],"tiled":true},"frames":[1001,1002.5,-3],"name":"plate","none":[],"note":null}"#
        let value = try decode(json)
        #expect(value == Self.nested)
        #expect(try encode(value) == json)
        #expect(try decode(encode(Self.nested)) == Self.nested)
    }

    @Test("Whole numbers encode without a fraction", arguments: [
        (1001, "1001"), (0, "0"), (-3, "-3"), (1001.0, "1001"), (1e15, "1000000000000000"),
    ] as [(Double, String)])
    func wholeNumbers(number: Double, expected: String) throws {
        #expect(try encode(.number(number)) == expected)
    }

    @Test("Fractional numbers keep their fraction", arguments: [(1.5, "1.5"), (-0.25, "-0.25"), (23.976, "23.976")] as [(Double, String)])
    func fractionalNumbers(number: Double, expected: String) throws {
        #expect(try encode(.number(number)) == expected)
    }

    @Test("Whole numbers inside arrays and objects encode without a fraction")
    func wholeNumbersNested() throws {
        #expect(try encode(["range": [1001, 1100]]) == #"{"range":[1001,1100]}"#)
    }

    @Test("Booleans and numbers decode as what they are, not as each other")
    func boolsAndNumbers() throws {
        #expect(try decode("[true, 1, false, 0, 1.0, \"1\", null]")
            == .array([.bool(true), .number(1), .bool(false), .number(0), .number(1), .string("1"), .null]))
    }

    @Test("Scalars decode at the top level", arguments: [
        ("null", JSONValue.null), ("true", .bool(true)), ("42", .number(42)), ("\"x\"", .string("x")),
    ] as [(String, JSONValue)])
    func topLevelScalars(json: String, expected: JSONValue) throws {
        #expect(try decode(json) == expected)
    }

    @Test("Malformed JSON is a decoding error")
    func malformed() {
        #expect(throws: (any Error).self) { try decode("{\"a\":}") }
    }

    @Test("searchableText lists keys and values, members sorted by key")
    func searchableText() {
        let value: JSONValue = ["zeta": "last", "alpha": 1001, "mid": ["b": true, "a": 1.5], "list": ["x", nil, 2]]
        #expect(value.searchableText == "alpha 1001 list x 2 mid a 1.5 b true zeta last")
    }

    @Test("searchableText of scalars is their text, of null nothing")
    func searchableScalars() {
        #expect(JSONValue.string("Hero plate").searchableText == "Hero plate")
        #expect(JSONValue.number(-3).searchableText == "-3")
        #expect(JSONValue.bool(false).searchableText == "false")
        #expect(JSONValue.null.searchableText == "")
        #expect(JSONValue.object([:]).searchableText == "")
    }

    @Test("Literal syntax builds the matching cases")
    func literals() {
        let value: JSONValue = ["s": "text", "i": 7, "f": 2.5, "b": true, "n": nil, "a": [1, "two"], "o": ["k": false]]
        #expect(value == .object([
            "s": .string("text"),
            "i": .number(7),
            "f": .number(2.5),
            "b": .bool(true),
            "n": .null,
            "a": .array([.number(1), .string("two")]),
            "o": .object(["k": .bool(false)]),
        ]))
    }

    @Test("A dictionary literal with a repeated key keeps the last value")
    func repeatedLiteralKey() {
        let value = JSONValue(dictionaryLiteral: ("k", 1), ("k", 2))
        #expect(value == ["k": 2])
    }
}
