/// Reads one format's header natively: bounded, never trusting a declared size, never crashing on bad input.
public protocol FormatHandler: Sendable {
    /// The format this handler reads.
    var format: FileFormat { get }
    /// Inspects a source already identified as `format` by its magic bytes.
    func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection
}
