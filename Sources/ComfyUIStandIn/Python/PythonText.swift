/// Python's `str()` and `repr()` of the values `json.loads` makes, for the messages ComfyUI
/// formats with them (`"Value 99999 bigger than max of 16384"`, `'superres' not in [...]`).
enum PythonText {
    static func str(_ value: JSON) -> String {
        if case .string(let text) = value { return text }
        return repr(value)
    }

    static func repr(_ value: JSON) -> String {
        switch value {
        case .null: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .int(let number): String(number)
        case .double(let number): PythonFloat.repr(number)
        case .string(let text): repr(text)
        case .array(let items): "[" + items.map(repr).joined(separator: ", ") + "]"
        case .object(let object): "{" + object.map { repr($0.key) + ": " + repr($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// A string literal as Python prints it: single quotes unless the text holds a single quote
    /// and no double quote.
    static func repr(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var output = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where Character(scalar) == quote: output += "\\" + String(quote)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: output += "\\x" + hex(scalar.value, width: 2)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output.append(quote)
        return output
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
