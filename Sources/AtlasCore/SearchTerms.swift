import Foundation

/// The words of a full-text query or of the text being indexed.
///
/// Both the index and the query are split here, by one rule, rather than by each database's
/// tokenizer: SQLite FTS5 and PostgreSQL's parsers disagree on `_`, `.` and digits, and an
/// artist searching `plate_v003` must find the same assets on either database.
public enum SearchTerms {
    public static let maxTerms = 16

    /// Lowercased runs of letters and digits.
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        // Composed form first: macOS file names spell é as e + a combining accent.
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The text the index stores for some fields: their words joined by spaces.
    public static func indexText(_ parts: [String]) -> String {
        parts.flatMap(words(in:)).joined(separator: " ")
    }

    /// A query's distinct words in order, capped so that a pasted paragraph stays cheap.
    public static func queryWords(_ query: String) -> [String] {
        var seen = Set<String>()
        return words(in: query).filter { seen.insert($0).inserted }.prefix(maxTerms).map { $0 }
    }
}
