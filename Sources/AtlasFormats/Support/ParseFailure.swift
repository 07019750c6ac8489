/// Why a native parser stopped. Each handler turns these into `FormatIssue`s with its own codes,
/// because "ran out of bytes" means truncation in one place and a corrupt length field in another.
enum ParseFailure: Error, Equatable {
    /// A read went past the end of the bytes available.
    case endOfData
    /// A field holds a value no valid file has.
    case corrupt(String)
    /// A declared count or size is above the configured limits.
    case limitExceeded(String)
    /// The file uses a version or feature newer than this parser knows.
    case unsupported(String)
    /// The declared image is larger than the configured limits.
    case imageTooLarge(String)
}
