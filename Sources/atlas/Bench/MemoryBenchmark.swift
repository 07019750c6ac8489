/// Resident memory of the `atlas serve` process on the embedded default (SQLite).
enum MemoryBenchmark {
    static let restGoalMegabytes = 100

    /// Right after start, before any request but the health checks.
    static func atRest(_ server: ServerProcess) {
        guard let bytes = server.residentMemoryBytes() else {
            BenchReport.skipped("memory.rest", "no /proc/\(server.pid)/status on this system")
            return
        }
        BenchReport.figure("memory.rest", BenchReport.megabytes(bytes), "MB", "goal < \(restGoalMegabytes) MB")
    }

    /// After the loads named in `after` ran against the same process.
    static func afterRuns(_ server: ServerProcess, after: [String]) {
        guard let bytes = server.residentMemoryBytes() else {
            BenchReport.skipped("memory.after", "no /proc/\(server.pid)/status on this system")
            return
        }
        BenchReport.figure("memory.after", BenchReport.megabytes(bytes), "MB", "after \(after.joined(separator: ", "))")
    }
}
