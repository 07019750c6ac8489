import Foundation

/// Why an external tool gave no result, in words fit to show a user: the tool's own error line,
/// with the server's folders taken out (a reason is stored on the version and shown to Clients).
public struct ToolProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }

    /// Runs `command` and returns its output, or throws what went wrong with every path under
    /// `folders` written relative to it (`/tmp/x/plates/a.exr` → `plates/a.exr`).
    public static func run(_ command: ToolCommand, hiding folders: [String]) async throws(ToolProblem) -> ToolOutput {
        let output: ToolOutput
        do {
            output = try await ToolRunner.launch(command)
        } catch {
            throw ToolProblem(hide(folders, in: error.description))
        }
        guard output.status == 0 else {
            let said = errorLine(in: output.standardError) ?? errorLine(in: output.text) ?? ""
            let reason = "\(command.executable) failed (exit \(output.status))" + (said.isEmpty ? "" : ": \(said)")
            throw ToolProblem(hide(folders, in: reason))
        }
        return output
    }

    /// The line that says what failed: the first one naming an error, else the last line that is
    /// not an echo of the command (oiiotool ends its errors with "Full command line was: > …").
    static func errorLine(in text: String) -> String? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix(">") && !$0.hasPrefix("Full command line") }
        let line = lines.first { $0.localizedCaseInsensitiveContains("error") } ?? lines.last
        return line.map { String($0.prefix(500)) }
    }

    /// `text` with every path under one of `folders` made relative to it.
    static func hide(_ folders: [String], in text: String) -> String {
        folders.filter { !$0.isEmpty }.sorted { $0.count > $1.count }.reduce(text) { text, folder in
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            return text.replacingOccurrences(of: prefix, with: "").replacingOccurrences(of: folder, with: ".")
        }
    }
}
