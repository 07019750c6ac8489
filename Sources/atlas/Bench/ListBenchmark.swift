import Foundation

/// Listing one project 100 assets at a time, walking every page by cursor, with 32 clients
/// doing so at once.
struct ListBenchmark {
    let scale: BenchScale
    /// Print the figures (off when the run only serves the memory benchmark).
    let report: Bool

    static let pageSize = 100
    static let goalP99Milliseconds = 50

    func run(on server: ServerProcess, library: SeededLibrary) async throws {
        let client = server.client
        let label = server.database.label
        let first = "/api/v1/assets?project_id=\(library.listedProjectID)&limit=\(Self.pageSize)"
        let expected = library.listedProjectAssets
        BenchReport.progress("\(label): \(scale.concurrency) clients each listing \(expected) assets by cursor")
        var result = try await LoadRunner.runWorkers(scale.concurrency) { _, recorder in
            var path = first
            var seen = 0
            while true {
                let body = try await recorder.time { try await client.send(.GET, path) }
                let page = try AtlasClient.decode(PageReply.self, from: body)
                seen += page.items.count
                guard let cursor = page.nextCursor else { break }
                path = first + "&cursor=" + Self.queryEscaped(cursor)
            }
            // A walk that skips or repeats rows would make the timing meaningless.
            guard seen == expected else { throw BenchError("a cursor walk saw \(seen) assets, not \(expected)") }
        }
        guard report else { return }
        BenchReport.figure("list.\(label)", BenchReport.rate(result.perSecond), "requests/s",
                           "\(scale.concurrency) connections, \(result.requests) pages of \(Self.pageSize) from a project of \(expected) assets")
        BenchReport.figure("list.\(label).p50", BenchReport.milliseconds(result.latencies.percentile(0.5)), "ms")
        BenchReport.figure("list.\(label).p99", BenchReport.milliseconds(result.latencies.percentile(0.99)), "ms",
                           "goal < \(Self.goalP99Milliseconds) ms")
    }

    /// A cursor is opaque; escape everything but unreserved characters.
    static func queryEscaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }

    /// The page's size and where the next one starts.
    struct PageReply: Decodable {
        struct Item: Decodable {}

        var items: [Item]
        var nextCursor: String?

        enum CodingKeys: String, CodingKey {
            case items
            case nextCursor = "next_cursor"
        }
    }
}
