import AtlasCore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// What `atlas bench jobs` measured.
@_spi(Benchmarks) public struct JobBenchmarkResult: Sendable {
    public let jobs: Int
    /// From the workers' start until the last job succeeded.
    public let seconds: Double
    /// Every claim query's duration, in milliseconds, in no particular order.
    public let claimMilliseconds: [Double]
}

extension AtlasRuntime {
    /// Queues `jobs` no-op jobs, then runs them with `runners` job runners of `loops` loops each
    /// (as that many worker processes would) and times the drain and every claim.
    @_spi(Benchmarks) public static func benchmarkJobs(_ configuration: AtlasConfiguration, jobs: Int, runners: Int,
                                                       loops: Int) async throws -> JobBenchmarkResult {
        try await withApplication(configuration) { app in
            let change = Change.cli("bench.jobs", at: app.atlas.clock.now())
            for start in stride(from: 0, to: jobs, by: 500) {
                let count = min(500, jobs - start)
                try await app.atlasDatabase.write { sql in
                    for _ in 0..<count {
                        let now = Date()
                        _ = try await JobRepository.enqueue(Job(id: AtlasID.make(at: now), kind: "noop", payload: [:], runAfter: now,
                                                                createdAt: now), change: change, on: sql)
                    }
                }
            }
            let claims = NIOLockedValueBox<[Double]>([])
            var settings = JobRunner.Settings(concurrency: loops, idlePoll: 0.005)
            settings.onClaim = { duration in
                let (seconds, attoseconds) = duration.components
                claims.withLockedValue { $0.append(Double(seconds) * 1_000 + Double(attoseconds) / 1e15) }
            }
            let workers = (0..<runners).map { _ in
                JobRunner(database: app.atlasDatabase, handlers: JobHandlers([NoopJob()]), settings: settings,
                          clock: app.atlas.clock, logger: app.logger)
            }
            let clock = ContinuousClock()
            let started = clock.now
            for worker in workers { worker.start() }
            // Polled often enough for the figure, seldom enough that counting does not compete with the workers.
            while try await remaining(on: app) > 0 { try await Task.sleep(for: .milliseconds(50)) }
            let elapsed = clock.now - started
            for worker in workers { await worker.stop() }
            let (seconds, attoseconds) = elapsed.components
            return JobBenchmarkResult(jobs: jobs, seconds: Double(seconds) + Double(attoseconds) / 1e18,
                                      claimMilliseconds: claims.withLockedValue { $0 })
        }
    }

    private static func remaining(on app: Application) async throws -> Int {
        try await app.atlasDatabase.sql.raw("SELECT COUNT(*) AS n FROM jobs WHERE status <> 'succeeded'").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }
}
