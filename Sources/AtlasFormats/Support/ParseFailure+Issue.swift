extension ParseFailure {
    /// The issue a handler reports for this failure; `truncated` is its format's truncation code,
    /// used when the bytes ran out, and `unsupported` its code for too-new files.
    func issue(truncated: FormatIssueCode, unsupported: FormatIssueCode = .headerCorrupt, what: String) -> FormatIssue {
        switch self {
        case .endOfData: .error(truncated, "the file ends inside its \(what)")
        case .corrupt(let message): .error(.headerCorrupt, "corrupt \(what): \(message)")
        case .unsupported(let message): .error(unsupported, "unsupported \(what): \(message)")
        case .limitExceeded(let message): .error(.limitExceeded, message)
        case .imageTooLarge(let message): .error(.imageTooLarge, message)
        }
    }

    /// The issue for any error thrown while inspecting: parse failures as above, anything else a read failure.
    static func issue(for error: any Error, truncated: FormatIssueCode,
                      unsupported: FormatIssueCode = .headerCorrupt, what: String) -> FormatIssue {
        if let failure = error as? ParseFailure {
            return failure.issue(truncated: truncated, unsupported: unsupported, what: what)
        }
        return .error(.readFailed, "the file could not be read: \(error)")
    }
}
