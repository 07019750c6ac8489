import Foundation

/// Project codes: the short names used in shot names and paths (`GLD`, `TOYS_2026`).
public enum ProjectCode {
    /// 1 to 32 of A–Z, 0–9, `_` and `-`, upper-cased.
    public static func validate(_ raw: String, field: String = "code") -> Result<String, FieldError> {
        let code = raw.trimmingCharacters(in: .whitespaces).uppercased()
        let allowed = code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
        guard (1...32).contains(code.count), allowed else {
            return .failure(FieldError(field: field, message: "must be 1 to 32 letters A–Z, digits, '_' or '-' (got '\(raw)')"))
        }
        return .success(code)
    }

    /// A code made from a name when none is given: its letters and digits, upper-cased, at most 32.
    public static func derive(from name: String) -> String {
        let kept = name.uppercased().unicodeScalars.map { scalar -> Character in
            (("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)) ? Character(scalar) : "_"
        }
        let collapsed = String(kept).split(separator: "_").joined(separator: "_")
        let code = String(collapsed.prefix(32)).trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        return code.isEmpty ? "PROJECT" : code
    }
}
