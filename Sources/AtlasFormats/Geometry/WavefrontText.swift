/// Whitespace and trimming as OBJ and MTL statements use them: spaces and tabs separate fields.
extension Character {
    /// Space or tab: the separators of OBJ and MTL statements.
    var isOBJWhitespace: Bool { self == " " || self == "\t" || self == "\u{0B}" || self == "\u{0C}" }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingWhitespace: SubSequence {
        guard let first = firstIndex(where: { !$0.isOBJWhitespace }) else { return self[endIndex...] }
        let last = lastIndex(where: { !$0.isOBJWhitespace })!
        return self[first...last]
    }
}
