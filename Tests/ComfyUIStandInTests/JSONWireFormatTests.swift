import Testing
@testable import ComfyUIStandIn

@Suite("JSON on the wire is written as Python's json.dumps writes it")
struct JSONWireFormatTests {
    @Test("separators, key order and float forms follow Python")
    func pythonLayout() throws {
        let value = try JSONParser.parse(#"{"prompt_id": "x", "number": -1000.0, "value": 0.0, "n": 1, "nodes": [], "b": true}"#)
        #expect(JSONWriter.write(value) == #"{"prompt_id": "x", "number": -1000.0, "value": 0.0, "n": 1, "nodes": [], "b": true}"#)
    }

    @Test("floats print as repr() does, switching to exponents where CPython does")
    func floatRepr() {
        let cases: [(Double, String)] = [(1, "1.0"), (0.1, "0.1"), (1e15, "1000000000000000.0"), (1e16, "1e+16"),
                                         (0.0001, "0.0001"), (0.00001, "1e-05"), (-2.5, "-2.5"), (5.3, "5.3"), (-0.0, "-0.0")]
        for (value, text) in cases { #expect(PythonFloat.repr(value) == text) }
    }

    @Test("non-ASCII text is escaped, as ensure_ascii does")
    func asciiEscapes() {
        #expect(JSONWriter.write(.string("é\n\"")) == #""\u00e9\n\"""#)
    }

    @Test("a malformed body is refused, trailing data included")
    func malformed() {
        for text in ["{not json", "", "01", "[1,]", "{\"a\": 1} x"] {
            #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
        }
    }

    @Test("Python's int() and float() accept what validation coerces and refuse the rest")
    func conversions() throws {
        #expect(try PythonConversion.int(.string(" 99_999 ")) == .int(99999))
        #expect(try PythonConversion.int(.double(3.9)) == .int(3))
        #expect(try PythonConversion.float(.string("1e3")) == 1000)
        #expect(throws: PythonException.valueError("invalid literal for int() with base 10: 'wide'")) {
            try PythonConversion.int(.string("wide"))
        }
    }
}
