/// One lexical token of USD text (`.usda`). It keeps its byte range and line rather than a copy of its
/// text, so a large layer is tokenised without a string per token.
struct USDTextToken: Equatable {
    enum Kind: Equatable {
        /// A name or keyword: `def`, `Xform`, `inputs:file`, `float3`, `None`.
        case identifier
        /// A quoted string, single, double or triple quoted; `text` is its content without the quotes.
        case string
        /// An asset path, `@…@` or `@@@…@@@`; `text` is the path without the delimiters.
        case assetPath
        /// A scene path, `</World/Chair>`; `text` is the path without the angle brackets.
        case scenePath
        /// A number, `1001`, `-0.5`, `1e-3`.
        case number
        /// One punctuation character: `( ) [ ] { } = , ; :`.
        case punctuation(UInt8)
    }

    var kind: Kind
    /// The token's content (without quotes or delimiters) as a byte range of the layer's text.
    var range: Range<Int>
    /// The 1-based line the token starts on, for error messages.
    var line: Int

    func isPunctuation(_ character: Character) -> Bool {
        kind == .punctuation(character.asciiValue ?? 0)
    }
}
