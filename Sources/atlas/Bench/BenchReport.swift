import Foundation

/// Writes the figures: one line per figure on standard output, `name: value unit`, followed
/// by the goal or the reference it is compared with. Progress notes go to standard error, so
/// the figures can be piped to a file on their own.
enum BenchReport {
    static func figure(_ name: String, _ value: String, _ unit: String, _ note: String? = nil) {
        var line = "\(name): \(value) \(unit)"
        if let note { line += " (\(note))" }
        emit(line)
    }

    /// A figure that was not measured, with the reason.
    static func skipped(_ name: String, _ reason: String) {
        emit("\(name): skipped (\(reason))")
    }

    /// Written straight to the descriptor, unbuffered: a long run is often watched through a
    /// pipe (`| tee`), where `print` would hold lines back.
    private static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func progress(_ message: String) {
        FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
    }

    /// Milliseconds with two decimals below 10 ms, where the goals sit, and one above.
    static func milliseconds(_ value: Double) -> String {
        String(format: value < 10 ? "%.2f" : "%.1f", value)
    }

    static func rate(_ value: Double) -> String {
        String(format: value < 100 ? "%.1f" : "%.0f", value)
    }

    static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f", Double(bytes) / Double(BenchScale.mebibyte))
    }
}
