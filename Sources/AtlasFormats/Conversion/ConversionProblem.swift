/// Why an export was refused or failed, with a stable code for the API.
public struct ConversionProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// `export_unsupported`, `tool_missing` or `export_failed`.
    public var code: String
    public var reason: String

    public init(code: String, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// The pair of formats is not one Atlas converts.
    public static func unsupported(_ reason: String) -> ConversionProblem { ConversionProblem(code: "export_unsupported", reason: reason) }
    /// The tool for the pair is not installed here.
    public static func toolMissing(_ reason: String) -> ConversionProblem { ConversionProblem(code: "tool_missing", reason: reason) }
    /// The tool ran and failed, or the source cannot be read.
    public static func failed(_ reason: String) -> ConversionProblem { ConversionProblem(code: "export_failed", reason: reason) }

    public var description: String { reason }
}
