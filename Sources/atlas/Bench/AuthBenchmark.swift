@_spi(Benchmarks) import AtlasServer
import AsyncHTTPClient
import Foundation

/// What authentication and the permission check add to `GET /api/v1/assets/{id}`.
///
/// Two servers run side by side in this process on the same data: one with normal access
/// control, and one with `benchmarkWithoutAccessControl`, which only an in-process server can
/// be given. The same client sends the same sequential requests to both:
///
/// - `without`: the baseline server (it ignores the key sent);
/// - `admin`: an administrator's API key, so a credential lookup but no membership query;
/// - `artist`: the API key of an artist who is a member of the asset's project, so a credential
///   lookup and the membership query, as every GET of a non-administrator pays.
///
/// The variants take turns in rounds, so drift on a busy machine (another build, a warming
/// cache) falls on all three alike.
struct AuthBenchmark {
    let scale: BenchScale
    let work: WorkDirectory
    let http: HTTPClient

    /// Variants measured, in the order the figures print.
    enum Variant: String, CaseIterable {
        case without, admin, artist

        var note: String {
            switch self {
            case .without: "no credential lookup, no permission check"
            case .admin: "administrator's API key: credential lookup, no membership query"
            case .artist: "member artist's API key: credential lookup and membership query"
            }
        }
    }

    static let rounds = 4
    static let warmUp = 50
    static let artist = "bench-artist"

    /// Sequential requests per variant, over all rounds.
    var requests: Int { scale.gets * 2 }

    func run(postgresURL: String?) async throws {
        try await BenchDatabase.each(postgresURL: postgresURL, skipping: "auth.get.postgres", log: work.file("psql-auth.log")) { try await run(on: $0) }
    }

    private func run(on database: BenchDatabase) async throws {
        _ = Self.quietLogging
        let label = database.label
        let configuration = database.configuration(dataDirectory: try work.folder("auth-\(label)"))

        BenchReport.progress("auth \(label): creating an administrator and an artist")
        let password = BenchAccounts.newPassword()
        let accounts = try await AtlasRuntime.withApplication(configuration) { app in
            let administrator = try await AccountCommands.createUser(
                on: app, username: BenchAccounts.administrator, password: password, role: "administrator",
                displayName: nil, apiKeyName: BenchAccounts.keyName)
            let artist = try await AccountCommands.createUser(
                on: app, username: Self.artist, password: password, role: "artist",
                displayName: nil, apiKeyName: BenchAccounts.keyName)
            return Accounts(administrator: administrator, artist: artist)
        }
        guard let adminKey = accounts.administrator.apiKey, let artistKey = accounts.artist.apiKey else {
            throw BenchError("creating the benchmark accounts returned no API key")
        }

        BenchReport.progress("auth \(label): starting two servers in this process, with and without access control")
        var baseline = configuration
        baseline.benchmarkWithoutAccessControl = true
        let controlled = try await AtlasRuntime.startForBenchmark(configuration)
        let open: BenchmarkServer
        do {
            open = try await AtlasRuntime.startForBenchmark(baseline)
        } catch {
            try? await controlled.shutdown()
            throw error
        }
        do {
            try await measure(label: label, controlled: controlled, open: open, adminKey: adminKey, artistKey: artistKey,
                              artistID: accounts.artist.userID)
        } catch {
            try? await open.shutdown()
            try? await controlled.shutdown()
            throw error
        }
        try await open.shutdown()
        try await controlled.shutdown()
    }

    private func measure(label: String, controlled: BenchmarkServer, open: BenchmarkServer,
                         adminKey: String, artistKey: String, artistID: String) async throws {
        let admin = AtlasClient(http: http, baseURL: "http://127.0.0.1:\(controlled.port)", apiKey: adminKey)
        let project = try await admin.createProject(name: "Auth bench")
        let asset = try AtlasClient.decode(AtlasClient.IDReply.self, from: try await admin.send(
            .POST, "/api/v1/assets", encoding: AssetCorpus(projectIDs: [project], seed: 0xA7).body(for: 0), expect: [.created])).id
        try await admin.send(.POST, "/api/v1/projects/\(project)/members", encoding: ["user_id": artistID], expect: [.created])
        let path = "/api/v1/assets/\(asset)"

        // The figures mean something only if one server checks and the other does not.
        try await admin.authorized(as: "atlas_k_not_a_key").send(.GET, path, expect: [.unauthorized])
        // The baseline gets the artist's key too, so all three send the same bytes.
        let clients: [Variant: AtlasClient] = [
            .without: AtlasClient(http: http, baseURL: "http://127.0.0.1:\(open.port)", apiKey: artistKey),
            .admin: admin,
            .artist: admin.authorized(as: artistKey),
        ]
        try await clients[.without]!.authorized(as: "atlas_k_not_a_key").send(.GET, path)

        // Unmeasured: opens the connections and warms statement caches and the credential's last-used time.
        for variant in Variant.allCases {
            for _ in 0..<Self.warmUp { try await clients[variant]!.send(.GET, path) }
        }
        let perRound = max(requests / Self.rounds, 1)
        BenchReport.progress("auth \(label): \(perRound * Self.rounds) sequential GETs per variant in \(Self.rounds) rounds")
        var latencies: [Variant: LatencyRecorder] = [:]
        for round in 0..<Self.rounds {
            // Each round starts with a different variant.
            let order = Variant.allCases.indices.map { Variant.allCases[($0 + round) % Variant.allCases.count] }
            for variant in order {
                let client = clients[variant]!
                let result = try await LoadRunner.run(count: perRound, concurrency: 1) { _ in
                    try await client.send(.GET, path)
                }
                latencies[variant, default: LatencyRecorder()].merge(result.latencies)
            }
        }

        var p50: [Variant: Double] = [:]
        var p99: [Variant: Double] = [:]
        for variant in Variant.allCases {
            var recorder = latencies[variant]!
            p50[variant] = recorder.percentile(0.5)
            p99[variant] = recorder.percentile(0.99)
            let name = "auth.get.\(label).\(variant.rawValue)"
            BenchReport.figure("\(name).p50", BenchReport.milliseconds(p50[variant]!), "ms",
                               "\(variant.note); \(recorder.count) sequential requests")
            BenchReport.figure("\(name).p99", BenchReport.milliseconds(p99[variant]!), "ms")
        }
        // `overhead` is the full cost (the artist's); `overhead.admin` the credential lookup alone.
        for variant in [Variant.artist, .admin] {
            let name = "auth.get.\(label).overhead" + (variant == .artist ? "" : ".admin")
            for (percentile, figures) in [("p50", p50), ("p99", p99)] {
                BenchReport.figure("\(name).\(percentile)", Self.signed(figures[variant]! - figures[.without]!), "ms",
                                   "\(variant.rawValue) vs without")
            }
        }
    }

    /// The in-process servers log through this process's logging, which nothing else sets up:
    /// warnings and errors only, so their start-up and migration notes do not bury the progress
    /// lines. Set up once: the logging system can be bootstrapped only once per process.
    static let quietLogging: Void = {
        var configuration = AtlasConfiguration()
        configuration.logLevel = .warning
        AtlasLogging.bootstrap(configuration)
    }()

    /// A difference in milliseconds with its sign, as `BenchReport.milliseconds` rounds.
    static func signed(_ value: Double) -> String {
        (value < 0 ? "-" : "+") + BenchReport.milliseconds(abs(value))
    }

    private struct Accounts: Sendable {
        var administrator: AccountCommands.Result
        var artist: AccountCommands.Result
    }
}
