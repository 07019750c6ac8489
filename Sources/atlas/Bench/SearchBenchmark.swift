import Foundation

/// Full-text search with a type filter over the seeded library: latency one request at a
/// time, then at 32 concurrent connections.
struct SearchBenchmark {
    let scale: BenchScale
    /// Print the figures (off when the run only serves the memory benchmark).
    let report: Bool

    static let goalP99Milliseconds = 20

    func run(on server: ServerProcess, library: SeededLibrary) async throws {
        let client = server.client
        let label = server.database.label
        let paths = AssetCorpus.searchPaths(count: scale.searches, seed: 0x5EA4C8)

        // Unmeasured warm-up that also checks the searches find something: timing queries that
        // all come back empty would flatter the figure.
        var found = 0
        for path in paths.prefix(50) {
            let page = try AtlasClient.decode(PageReply.self, from: try await client.send(.GET, path))
            if !page.items.isEmpty { found += 1 }
        }
        guard found > 0 else { throw BenchError("none of the first 50 searches found an asset (e.g. \(paths[0]))") }

        BenchReport.progress("\(label): \(paths.count) searches, sequential then at \(scale.concurrency) connections")
        var sequential = try await LoadRunner.run(count: paths.count, concurrency: 1) { index in
            try await client.send(.GET, paths[index])
        }
        var concurrent = try await LoadRunner.run(count: paths.count, concurrency: scale.concurrency) { index in
            try await client.send(.GET, paths[index])
        }
        guard report else { return }
        let goal = "goal < \(Self.goalP99Milliseconds) ms"
        BenchReport.figure("search.\(label).p50", BenchReport.milliseconds(sequential.latencies.percentile(0.5)), "ms",
                           "\(sequential.requests) sequential searches at \(library.assets) assets; \(found) of the first 50 found assets")
        BenchReport.figure("search.\(label).p99", BenchReport.milliseconds(sequential.latencies.percentile(0.99)), "ms", goal)
        BenchReport.figure("search.\(label).c\(scale.concurrency)", BenchReport.rate(concurrent.perSecond), "requests/s",
                           "\(concurrent.requests) searches at \(scale.concurrency) connections")
        BenchReport.figure("search.\(label).c\(scale.concurrency).p50", BenchReport.milliseconds(concurrent.latencies.percentile(0.5)), "ms")
        BenchReport.figure("search.\(label).c\(scale.concurrency).p99", BenchReport.milliseconds(concurrent.latencies.percentile(0.99)), "ms", goal)
    }

    /// Only whether a page has items.
    struct PageReply: Decodable {
        struct Item: Decodable {}

        var items: [Item]
    }
}
