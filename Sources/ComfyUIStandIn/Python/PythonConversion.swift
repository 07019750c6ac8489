import Foundation

/// The conversions ComfyUI's validation applies to widget values — Python's `int()`, `float()`,
/// `str()` and `bool()` — with the exceptions Python raises, because their messages end up in
/// `node_errors` (`"invalid literal for int() with base 10: 'wide'"`).
enum PythonConversion {
    static func int(_ value: JSON) throws(PythonException) -> JSON {
        switch value {
        case .int: return value
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .double(let number):
            if number.isNaN { throw .valueError("cannot convert float NaN to integer") }
            guard number.isFinite else {
                throw PythonException(type: "OverflowError", message: "cannot convert float infinity to integer")
            }
            guard let whole = Int(exactly: number.rounded(.towardZero)) else { return .double(number.rounded(.towardZero)) }
            return .int(whole)
        case .string(let text):
            guard let number = integerLiteral(text) else {
                throw .valueError("invalid literal for int() with base 10: \(PythonText.repr(text))")
            }
            return .int(number)
        default:
            throw .typeError("int() argument must be a string, a bytes-like object or a real number, not '\(value.pythonTypeName)'")
        }
    }

    static func float(_ value: JSON) throws(PythonException) -> Double {
        switch value {
        case .int, .double, .bool: return value.numberValue!
        case .string(let text):
            guard let number = floatLiteral(text) else {
                throw .valueError("could not convert string to float: \(PythonText.repr(text))")
            }
            return number
        default:
            throw .typeError("float() argument must be a string or a real number, not '\(value.pythonTypeName)'")
        }
    }

    static func str(_ value: JSON) -> String { PythonText.str(value) }

    /// Python's truth value: `None`, zero and empty containers are false.
    static func truthy(_ value: JSON) -> Bool {
        switch value {
        case .null: false
        case .bool(let flag): flag
        case .int(let number): number != 0
        case .double(let number): number != 0
        case .string(let text): !text.isEmpty
        case .array(let items): !items.isEmpty
        case .object(let object): !object.isEmpty
        }
    }

    /// Python's `needle in container` for the containers a JSON body can be.
    static func contains(_ needle: String, in container: JSON) throws(PythonException) -> Bool {
        switch container {
        case .object(let object): return object.contains(needle)
        case .array(let items): return items.contains(.string(needle))
        case .string(let text): return text.contains(needle)
        default: throw .typeError("argument of type '\(container.pythonTypeName)' is not iterable")
        }
    }

    /// `int(text)`: surrounding whitespace, a sign, digits with single underscores between them.
    static func integerLiteral(_ text: String) -> Int? {
        var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        guard let digits = withoutUnderscores(body), !digits.isEmpty, digits.allSatisfy(\.isASCII),
              let magnitude = Int(digits) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// `float(text)`: decimal and exponent forms with underscores between digits, `inf`,
    /// `infinity` and `nan` in any case, with a sign.
    static func floatLiteral(_ text: String) -> Double? {
        var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        let lower = body.lowercased()
        let magnitude: Double
        if lower == "inf" || lower == "infinity" {
            magnitude = .infinity
        } else if lower == "nan" {
            magnitude = .nan
        } else {
            guard let cleaned = withoutUnderscores(body), cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || ".eE+-".contains($0)) }),
                  cleaned.contains(where: \.isNumber), let number = Double(cleaned) else { return nil }
            magnitude = number
        }
        return negative ? -magnitude : magnitude
    }

    /// Removes underscores that sit between two digits; nil when one sits anywhere else.
    private static func withoutUnderscores(_ text: Substring) -> String? {
        let characters = Array(text)
        var result = ""
        for (position, character) in characters.enumerated() {
            guard character == "_" else {
                result.append(character)
                continue
            }
            guard position > 0, position < characters.count - 1,
                  characters[position - 1].isNumber, characters[position + 1].isNumber else { return nil }
        }
        return result
    }
}
