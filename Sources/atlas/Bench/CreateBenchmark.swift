import Foundation
import NIOCore

/// Metadata-only asset creation at 32 concurrent connections, which also seeds the library
/// the search and list benchmarks read; and the latency of getting one asset.
struct CreateBenchmark {
    let scale: BenchScale
    /// Print the create and get figures (the seeding runs either way when another benchmark needs it).
    let report: Bool

    static let goalPerSecond = 1_000.0
    static let getGoalMilliseconds = 2.0

    /// Creates the projects and `scale.assets` assets through the API; the creation rate over
    /// the whole run, as the tables grow, is the create figure.
    func seed(on server: ServerProcess) async throws -> SeededLibrary {
        let client = server.client
        let label = server.database.label
        var projectIDs: [String] = []
        for number in 1...scale.projects {
            projectIDs.append(try await client.createProject(name: "Bench project \(number)"))
        }
        let corpus = AssetCorpus(projectIDs: projectIDs, seed: 0xA71A5)
        BenchReport.progress("\(label): encoding \(scale.assets) asset bodies")
        let bodies = try corpus.encodedBodies(count: scale.assets)
        BenchReport.progress("\(label): creating \(scale.assets) assets at \(scale.concurrency) connections")
        let result = try await LoadRunner.run(count: bodies.count, concurrency: scale.concurrency) { index in
            try await client.send(.POST, "/api/v1/assets", json: bodies[index], expect: [.created])
        }
        if report {
            var latencies = result.latencies
            BenchReport.figure("create.\(label)", BenchReport.rate(result.perSecond), "assets/s",
                               "at \(scale.concurrency) connections, \(result.requests) assets; goal >= \(Int(Self.goalPerSecond))/s")
            BenchReport.figure("create.\(label).p50", BenchReport.milliseconds(latencies.percentile(0.5)), "ms")
            BenchReport.figure("create.\(label).p99", BenchReport.milliseconds(latencies.percentile(0.99)), "ms")
        }
        let listed = projectIDs[0]
        let first = try await client.send(.GET, "/api/v1/assets?project_id=\(listed)&limit=1")
        guard let sample = try AtlasClient.decode(PageReply.self, from: first).items.first?.id else {
            throw BenchError("the seeded project \(listed) lists no assets")
        }
        return SeededLibrary(assets: bodies.count, listedProjectID: listed,
                             listedProjectAssets: AssetCorpus.firstProjectShare(of: bodies.count, projects: projectIDs.count),
                             sampleAssetID: sample)
    }

    /// `GET /api/v1/assets/{id}` of one asset, one request at a time: the latency a client
    /// sees on an idle server.
    func measureGet(on server: ServerProcess, library: SeededLibrary) async throws {
        let client = server.client
        let path = "/api/v1/assets/\(library.sampleAssetID)"
        // Unmeasured: opens the connection and warms the server's statement caches.
        for _ in 0..<20 { try await client.send(.GET, path) }
        var result = try await LoadRunner.run(count: scale.gets, concurrency: 1) { _ in
            try await client.send(.GET, path)
        }
        let label = server.database.label
        BenchReport.figure("get.\(label).p50", BenchReport.milliseconds(result.latencies.percentile(0.5)), "ms",
                           "goal < \(Int(Self.getGoalMilliseconds)) ms; \(result.requests) sequential requests")
        BenchReport.figure("get.\(label).p99", BenchReport.milliseconds(result.latencies.percentile(0.99)), "ms")
    }

    /// Enough of a listing page to read ids back.
    struct PageReply: Decodable {
        struct Item: Decodable {
            var id: String
        }

        var items: [Item]
    }
}
