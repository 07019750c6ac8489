@_spi(Benchmarks) import AtlasServer
import Foundation

/// How long a committed change takes to reach a WebSocket client following it: through the
/// server the client is connected to, and (on PostgreSQL) through a second server sharing the
/// database, which reaches the first by NOTIFY.
struct EventsBenchmark {
    let scale: BenchScale
    let work: WorkDirectory

    /// Changes timed per database: 1,000 at full size, 200 quick.
    var changes: Int { max(200, scale.assets / 100) }

    func run(postgresURL: String?) async throws {
        try await BenchDatabase.each(postgresURL: postgresURL, skipping: "events.postgres", log: work.file("psql-events.log")) { try await run(on: $0) }
    }

    private func run(on database: BenchDatabase) async throws {
        _ = AuthBenchmark.quietLogging
        let label = database.label
        var configuration = database.configuration(dataDirectory: try work.folder("events-\(label)"))
        configuration.workers = 0
        let across = label == "postgres"
        BenchReport.progress("events \(label): timing \(changes) changes until a WebSocket client has their event\(across ? ", half of them through a second server" : "")")
        let result = try await AtlasRuntime.benchmarkEvents(configuration, changes: changes, acrossReplicas: across)
        report("events.\(label).same_replica", result.sameReplica)
        if across { report("events.\(label).across_replicas", result.acrossReplicas) }
    }

    private func report(_ name: String, _ milliseconds: [Double]) {
        var latencies = LatencyRecorder()
        for value in milliseconds { latencies.record(.nanoseconds(Int64(value * 1_000_000))) }
        BenchReport.figure("\(name).p50", BenchReport.milliseconds(latencies.percentile(0.5)), "ms", "\(milliseconds.count) changes")
        BenchReport.figure("\(name).p99", BenchReport.milliseconds(latencies.percentile(0.99)), "ms", "goal < 50 ms, from before the write's commit")
    }
}
