import AsyncHTTPClient
import Foundation

/// Runs the selected benchmarks in order against servers it starts: first the embedded
/// default (SQLite), then PostgreSQL when a URL was given; then auth, which runs its own
/// servers in this process; then the file formats (no server), the sequence ingest and the AI tool runs (their own servers).
///
/// On each server the order is: memory at rest, ingest, create (which seeds the library),
/// get, search, list, memory after. The library benchmarks share one seeding, because
/// seeding 100,000 assets is most of the run time.
struct BenchSuite {
    let selected: Set<BenchmarkKind>
    let scale: BenchScale
    let postgresURL: String?
    let work: WorkDirectory
    let binary: String
    let http: HTTPClient

    /// The benchmarks that read the seeded library; each runs on both databases.
    private var libraryBenchmarks: Set<BenchmarkKind> { selected.intersection([.create, .search, .list]) }

    func run() async throws {
        try await runEmbedded()
        if !libraryBenchmarks.isEmpty { try await runPostgres() }
        if selected.contains(.jobs) {
            try await JobsBenchmark(scale: scale, work: work).run(postgresURL: postgresURL)
        }
        if selected.contains(.events) {
            try await EventsBenchmark(scale: scale, work: work).run(postgresURL: postgresURL)
        }
        if selected.contains(.auth) {
            try await AuthBenchmark(scale: scale, work: work, http: http).run(postgresURL: postgresURL)
        }
        if selected.contains(.formats) {
            try await FormatsBenchmark(scale: scale, work: work).run()
        }
        if selected.contains(.sequence) {
            try await SequenceBenchmark(scale: scale, work: work, binary: binary, http: http).run()
        }
        if selected.contains(.ai) {
            try await AIBenchmark(scale: scale, work: work, binary: binary, http: http).run()
        }
    }

    private func runEmbedded() async throws {
        let memory = selected.contains(.memory)
        let ingest = selected.contains(.ingest)
        // The memory figure after load needs the library load even when run on its own.
        guard ingest || memory || !libraryBenchmarks.isEmpty else { return }
        let server = try await start(.sqlite)
        try await whileRunning(server) {
            if memory { MemoryBenchmark.atRest(server) }
            var ran: [String] = []
            if ingest {
                try await IngestBenchmark(scale: scale, work: work).run(on: server)
                ran.append("ingest")
            }
            if memory || !libraryBenchmarks.isEmpty {
                ran += try await runLibrary(on: server, all: memory)
            }
            if memory { MemoryBenchmark.afterRuns(server, after: ran) }
        }
    }

    private func runPostgres() async throws {
        guard let postgresURL else {
            // In the order the figures print when measured.
            for kind in [BenchmarkKind.create, .search, .list] where libraryBenchmarks.contains(kind) {
                let names = kind == .create ? ["create.postgres", "get.postgres"] : ["\(kind.rawValue).postgres"]
                for name in names { BenchReport.skipped(name, "pass --postgres-url") }
            }
            return
        }
        let log = work.file("psql.log")
        let database = try await PostgresDatabase.create(serverURL: postgresURL, log: log)
        do {
            let server = try await start(.postgres(database))
            try await whileRunning(server) {
                _ = try await runLibrary(on: server, all: false) {
                    BenchReport.progress("postgres: ANALYZE after seeding, as autovacuum would")
                    try await database.analyze(log: log)
                }
            }
        } catch {
            await database.drop(log: log)
            throw error
        }
        await database.drop(log: log)
    }

    /// Seeds the library and runs the selected benchmarks over it (all of them, unprinted
    /// unless selected, when `all`); returns what ran, for the memory figure.
    private func runLibrary(on server: ServerProcess, all: Bool,
                            afterSeeding: () async throws -> Void = {}) async throws -> [String] {
        let create = CreateBenchmark(scale: scale, report: selected.contains(.create))
        let library = try await create.seed(on: server)
        try await afterSeeding()
        var ran = ["create of \(library.assets) assets"]
        if selected.contains(.create) || all {
            try await create.measureGet(on: server, library: library)
            ran.append("get")
        }
        if selected.contains(.search) || all {
            try await SearchBenchmark(scale: scale, report: selected.contains(.search)).run(on: server, library: library)
            ran.append("search")
        }
        if selected.contains(.list) || all {
            try await ListBenchmark(scale: scale, report: selected.contains(.list)).run(on: server, library: library)
            ran.append("list")
        }
        return ran
    }

    private func start(_ database: BenchDatabase) async throws -> ServerProcess {
        let label = database.label
        BenchReport.progress("starting atlas serve on \(label)")
        return try await ServerProcess.start(binary: binary, database: database, dataDirectory: try work.folder("data-\(label)"),
                                             logPath: work.file("server-\(label).log"), http: http)
    }

    /// Runs `body`, then stops the server whether or not it failed; a failure carries the
    /// end of the server's log, which goes away with the work dir.
    private func whileRunning(_ server: ServerProcess, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            await server.stop()
            throw BenchError("\(error)\nlast lines of the \(server.database.label) server's log:\n\(ChildProcess.tail(of: server.logPath, lines: 15))")
        }
        await server.stop()
    }
}
