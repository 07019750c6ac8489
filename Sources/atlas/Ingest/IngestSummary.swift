import Foundation

/// The few lines a person reads at the end of a run: counts, every rejected file with its reason,
/// what failed, and where the full report is.
enum IngestSummary {
    /// At most this many rejected files and failures are listed; the report has them all.
    static let listed = 20

    static func text(_ report: IngestReport, reportPath: String) -> String {
        let newAssets = report.added.filter(\.newAsset).count
        let files = report.added.reduce(0) { $0 + $1.files.count }
        let seconds = report.finishedAt.timeIntervalSince(report.startedAt)
        var lines = [
            "atlas ingest \(report.folder) → project \(report.project) on \(report.server), \(String(format: "%.1f", seconds)) s",
            "  added     \(report.added.count) (\(newAssets) new asset\(plural(newAssets)), \(report.added.count - newAssets) new version\(plural(report.added.count - newAssets))): "
                + "\(files) file\(plural(files)), \(ProgressDisplay.size(report.bytesUploaded)) sent, \(report.filesAlreadyStored) already stored",
            "  skipped   \(report.skipped.count)" + reasons(report.skipped),
            "  rejected  \(report.rejected.count)",
        ]
        lines += report.rejected.prefix(listed).map { "    \($0.file): \($0.code): \($0.reason)" }
        if !report.failed.isEmpty {
            lines.append("  failed    \(report.failed.count)")
            lines += report.failed.prefix(listed).map { "    \($0.source): \($0.reason)" }
        }
        if report.rejected.count > listed || report.failed.count > listed { lines.append("    … the report lists them all") }
        lines.append("  report    \(reportPath)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// ` (2 unchanged, 1 symlink_outside_folder)`
    private static func reasons(_ skipped: [IngestReport.Skipped]) -> String {
        guard !skipped.isEmpty else { return "" }
        let counts = Dictionary(grouping: skipped, by: \.code).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
        return " (" + counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ") + ")"
    }

    private static func plural(_ count: Int) -> String { count == 1 ? "" : "s" }
}
