import Fluent
import Foundation
import Vapor

/// An Atlas server running inside the calling process, for `atlas bench auth`.
///
/// In-process because the benchmark's baseline needs `benchmarkWithoutAccessControl`, which no
/// environment variable or option of `atlas serve` can set; the measured server runs the same
/// way, so the two differ in that one setting only.
@_spi(Benchmarks) public final class BenchmarkServer: Sendable {
    /// The port it listens on: the one the system chose when the configuration asked for 0.
    public let port: Int
    let app: Application

    fileprivate init(app: Application, port: Int) {
        self.app = app
        self.port = port
    }

    /// Stops taking connections, then shuts the application down. Call once.
    public func shutdown() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}

extension AtlasRuntime {
    /// Starts the HTTP server as `serve` does (same configuration, migration check and upload
    /// sweep) and returns once it listens, instead of running until a signal.
    @_spi(Benchmarks) public static func startForBenchmark(_ configuration: AtlasConfiguration) async throws -> BenchmarkServer {
        let app = try await makeApplication(arguments: ["atlas", "serve"])
        do {
            try await configure(app, configuration)
            try await requireMigrated(app)
            try sweepUnfinishedUploads(app)
            try await app.asyncBoot()
            try await app.server.start(address: .hostname(configuration.host, port: configuration.port))
            guard let port = app.http.server.shared.localAddress?.port else {
                throw StartupError("The benchmark server started but has no bound port.")
            }
            return BenchmarkServer(app: app, port: port)
        } catch {
            await app.server.shutdown()
            try? await app.asyncShutdown()
            throw error
        }
    }
}
