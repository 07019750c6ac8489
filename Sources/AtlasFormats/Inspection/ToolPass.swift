import Foundation

/// A second look at a file by an external tool, after its native handler: assimp for FBX and glTF,
/// the usd-core worker for USD, the MaterialX worker for MaterialX. A pass adds metadata, issues
/// and references to the report; a tool that is missing, hangs or fails becomes an issue, never an error.
protocol ToolPass: Sendable {
    /// Whether this pass reads `report`'s format further.
    func applies(to report: FormatReport) -> Bool
    /// Runs the tool on the file at `file`, whose references resolve inside `assetRoot`, and adds what it finds to `report`.
    func run(on file: URL, assetRoot: URL, report: inout FormatReport, tools: ToolSettings, limits: FormatLimits) async
}

/// The passes, in the order they run.
enum ToolPasses {
    static let all: [any ToolPass] = [AssimpPass(), USDCorePass(), MaterialXPass()]

    static func applying(to report: FormatReport) -> [any ToolPass] {
        all.filter { $0.applies(to: report) }
    }
}

extension FormatIssue {
    /// The issue for a tool that gave nothing: missing (`tool_missing`), hung (`tool_timed_out`) or
    /// failed (`tool_failed`); `missing` says what is lost without it.
    static func tool(_ failure: ToolFailure, missing: String) -> FormatIssue {
        switch failure {
        case .notInstalled(let tool): .warning(.toolMissing, "\(tool) is not installed, so \(missing)")
        case .timedOut: .warning(.toolTimedOut, "\(failure), so \(missing)")
        case .failed, .launchFailed: .warning(.toolFailed, "\(failure), so \(missing)")
        }
    }
}
