/// Writes JSON as Python's `json.dumps` does by default, which is what aiohttp's `json_response`
/// and `send_json` put on the wire: `", "` and `": "` separators, non-ASCII escaped as `\uXXXX`,
/// floats as `repr` prints them, `NaN` and `Infinity` allowed.
enum JSONWriter {
    static func write(_ value: JSON, sortedKeys: Bool = false) -> String {
        var output = ""
        append(value, to: &output, sortedKeys: sortedKeys)
        return output
    }

    private static func append(_ value: JSON, to output: inout String, sortedKeys: Bool) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number): output += float(number)
        case .string(let text): appendString(text, to: &output)
        case .array(let items):
            output += "["
            for (position, item) in items.enumerated() {
                if position > 0 { output += ", " }
                append(item, to: &output, sortedKeys: sortedKeys)
            }
            output += "]"
        case .object(let object):
            output += "{"
            let keys = sortedKeys ? object.keys.sorted() : object.keys
            for (position, key) in keys.enumerated() {
                if position > 0 { output += ", " }
                appendString(key, to: &output)
                output += ": "
                append(object[key]!, to: &output, sortedKeys: sortedKeys)
            }
            output += "}"
        }
    }

    private static func float(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        return PythonFloat.repr(number)
    }

    private static func appendString(_ text: String, to output: inout String) {
        output += "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case 0x08: output += "\\b"
            case 0x0C: output += "\\f"
            case 0x20..<0x7F: output.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default: output += "\\u" + hex4(unit)
            }
        }
        output += "\""
    }

    private static func hex4(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
