import ArgumentParser
import Foundation

/// `atlas bench`: measures the figures the project's goals are stated in.
///
/// Figures are measured by this command, never asserted in tests: each benchmark makes its
/// own data of the size named, starts `atlas serve` as a child process and talks to it over
/// HTTP, and prints one line per figure with its goal or reference beside it.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run benchmarks and print their figures.",
        discussion: """
            Prints one line per figure, `name: value unit (goal or reference)`; progress goes to \
            standard error. Each benchmark starts this binary's `serve` on a free port with fresh \
            data (`auth` runs its two servers inside this process, to compare with access control off). A full `all` run seeds 100,000 assets per database and uploads 2 GB; build with \
            `-c release` first, or the figures describe a debug build.
            """)

    @Argument(help: "Which benchmark to run.")
    var benchmark: BenchmarkKind = .all

    @Flag(help: "Scale everything down about 20x, for a smoke run.")
    var quick = false

    @Option(name: .customLong("postgres-url"),
            help: "A PostgreSQL server to also benchmark, e.g. postgres://user@host:5432/postgres (ATLAS_BENCH_POSTGRES_URL). A fresh database is created on it and dropped at the end.")
    var postgresURL: String?

    @Option(name: .customLong("work-dir"),
            help: "Where the run's scratch folder goes (default ./.build/bench); it is removed at the end.")
    var workDirectory: String?

    func run() async throws {
        let scale: BenchScale = quick ? .quick : .full
        let postgres = [postgresURL, ProcessInfo.processInfo.environment["ATLAS_BENCH_POSTGRES_URL"]]
            .compactMap { $0 }.first { !$0.isEmpty }
        let work = try WorkDirectory.make(parent: workDirectory)
        let http = AtlasClient.makeHTTPClient(connections: scale.concurrency)
        BenchReport.progress("\(quick ? "quick" : "full") run in \(work.path)")
        let suite = BenchSuite(selected: benchmark.selected, scale: scale, postgresURL: postgres, work: work,
                               binary: ServerProcess.currentExecutable(), http: http)
        var failure: (any Error)?
        do {
            try await suite.run()
        } catch {
            failure = error
        }
        try? await http.shutdown()
        work.remove()
        if let failure {
            BenchReport.progress("failed: \(failure)")
            throw ExitCode.failure
        }
    }
}
