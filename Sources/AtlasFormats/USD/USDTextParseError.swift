/// Why the usda parser stopped: text no usda file contains, text ending inside a statement, or a limit.
enum USDTextParseError: Error, Equatable {
    /// Malformed text at `line` (1-based).
    case syntax(String, line: Int)
    /// The text ends inside a statement that started at `line`.
    case endOfText(String, line: Int)
    /// A configured bound (tokens, nesting depth) was reached.
    case limit(String)

    var message: String {
        switch self {
        case .syntax(let message, let line): "line \(line): \(message)"
        case .endOfText(let what, let line): "the text ends inside \(what) that starts on line \(line)"
        case .limit(let message): message
        }
    }
}
