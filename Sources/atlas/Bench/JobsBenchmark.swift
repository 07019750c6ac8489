@_spi(Benchmarks) import AtlasServer
import Foundation

/// No-op jobs per second through the real job runners, and how long claiming a job takes,
/// with 4 workers (two runners of two loops, as two worker processes would run), on SQLite and
/// on PostgreSQL when a server is given.
struct JobsBenchmark {
    let scale: BenchScale
    let work: WorkDirectory

    /// A twentieth of the seeded assets: 5,000 at full size, 250 quick.
    var jobs: Int { max(250, scale.assets / 20) }

    func run(postgresURL: String?) async throws {
        try await BenchDatabase.each(postgresURL: postgresURL, skipping: "jobs.postgres", log: work.file("psql-jobs.log")) { try await run(on: $0) }
    }

    private func run(on database: BenchDatabase) async throws {
        _ = AuthBenchmark.quietLogging
        let label = database.label
        let configuration = database.configuration(dataDirectory: try work.folder("jobs-\(label)"))
        BenchReport.progress("jobs \(label): queueing \(jobs) no-op jobs, then running them with 4 workers")
        let result = try await AtlasRuntime.benchmarkJobs(configuration, jobs: jobs, runners: 2, loops: 2)
        var claims = LatencyRecorder()
        for milliseconds in result.claimMilliseconds { claims.record(.nanoseconds(Int64(milliseconds * 1_000_000))) }
        let goal = label == "postgres" ? "goal ≥ 1000 jobs/s" : "no goal on SQLite"
        BenchReport.figure("jobs.\(label).noop", BenchReport.rate(Double(result.jobs) / result.seconds), "jobs/s",
                           "\(result.jobs) jobs, 4 workers; \(goal)")
        BenchReport.figure("jobs.\(label).claim.p50", BenchReport.milliseconds(claims.percentile(0.5)), "ms")
        BenchReport.figure("jobs.\(label).claim.p99", BenchReport.milliseconds(claims.percentile(0.99)), "ms", "goal < 20 ms")
    }
}
