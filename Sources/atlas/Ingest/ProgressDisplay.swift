import Foundation
#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// Shows a run's progress on standard error: on a terminal a bar redrawn in place five times a
/// second; otherwise (a log file, CI) a plain line every five seconds, so a log is not flooded.
struct ProgressDisplay: Sendable {
    let progress: IngestProgress
    let isTerminal: Bool

    init(progress: IngestProgress, isTerminal: Bool = isatty(STDERR_FILENO) != 0) {
        self.progress = progress
        self.isTerminal = isTerminal
    }

    /// Draws until cancelled, then draws the final state once.
    func run() async {
        let interval: Duration = isTerminal ? .milliseconds(200) : .seconds(5)
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if Task.isCancelled { break }
            draw(last: false)
        }
        draw(last: true)
    }

    private func draw(last: Bool) {
        let text = Self.line(progress.snapshot)
        let output = isTerminal ? "\r\u{1B}[2K" + Self.bar(progress.snapshot) + " " + text + (last ? "\n" : "") : "ingest: " + text + "\n"
        FileHandle.standardError.write(Data(output.utf8))
    }

    /// `42/1210 files  1.3 GB/4.0 GB  112.4 MB/s  ETA 0:24`
    static func line(_ snapshot: IngestProgress.Snapshot) -> String {
        let seconds = max(snapshot.elapsed.seconds, 0.001)
        let rate = Double(snapshot.bytes) / seconds
        let remaining = Double(max(snapshot.totalBytes - snapshot.bytes, 0))
        let eta = rate > 0 ? clock(remaining / rate) : "--:--"
        return "\(snapshot.files)/\(snapshot.totalFiles) files  \(size(snapshot.bytes))/\(size(snapshot.totalBytes))  "
            + "\(size(Int64(rate)))/s  ETA \(eta)"
    }

    /// `[#########---------------]  37%`
    static func bar(_ snapshot: IngestProgress.Snapshot, width: Int = 24) -> String {
        let fraction = snapshot.totalBytes > 0 ? min(1, Double(snapshot.bytes) / Double(snapshot.totalBytes))
            : (snapshot.totalFiles > 0 ? Double(snapshot.files) / Double(snapshot.totalFiles) : 1)
        let filled = Int(fraction * Double(width))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + String(format: "%3.0f%%", fraction * 100)
    }

    /// Sizes in binary units, written MB and GB as storage tools on Linux do.
    static func size(_ bytes: Int64) -> String {
        let value = Double(bytes)
        if value < 1_048_576 { return String(format: "%.0f KB", value / 1024) }
        if value < 1_073_741_824 { return String(format: "%.1f MB", value / 1_048_576) }
        return String(format: "%.2f GB", value / 1_073_741_824)
    }

    private static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600 ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
            : String(format: "%d:%02d", total / 60, total % 60)
    }
}
