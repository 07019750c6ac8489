/// Python's `repr(float)`: the shortest digits that round-trip (which Swift's `description` also
/// finds), laid out as CPython does: fixed notation while the decimal exponent is in -4 ..< 16,
/// scientific with a two-digit exponent outside it, and always a `.0` on whole numbers.
enum PythonFloat {
    static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let sign = value.sign == .minus ? "-" : ""
        let (digits, point) = shortestDigits(of: abs(value))
        if digits.isEmpty { return sign + "0.0" }
        if point <= -4 || point > 16 {
            let rest = digits.dropFirst()
            let exponent = point - 1
            let exponentText = (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
            return sign + String(digits.first!) + (rest.isEmpty ? "" : "." + rest) + "e" + exponentText
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) + ".0" }
        let split = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The significant digits (no leading or trailing zeros) and the position of the decimal
    /// point: the value is `0.<digits> × 10^point`.
    private static func shortestDigits(of value: Double) -> (String, Int) {
        let text = value.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0]
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(pieces[0]), fraction = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (digits, point)
    }
}
