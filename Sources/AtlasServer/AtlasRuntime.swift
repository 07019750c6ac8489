import AtlasCore
import Foundation
import Logging
import Vapor

/// What the `atlas` commands run: each builds the application from a configuration, does its
/// work and shuts down cleanly.
public enum AtlasRuntime {
    /// Runs the HTTP server until SIGINT or SIGTERM.
    public static func serve(_ configuration: AtlasConfiguration) async throws {
        let app = try await makeApplication(arguments: ["atlas", "serve"])
        do {
            try await configure(app, configuration)
            try await requireMigrated(app)
            try sweepUnfinishedUploads(app)
            if let link = try await SetupLink.issueIfNeeded(app) {
                // Printed, not only logged: this is the one thing a new operator must see, and logs may be JSON.
                FileHandle.standardOutput.write(Data("""

                    No account exists yet. Open this link to create the first administrator (valid once, for 24 hours):

                        \(link)

                    Or run: atlas user create --username NAME --role administrator --password-stdin

                    """.utf8))
            }
            // Started now rather than with the first client, so old events are pruned and other replicas heard from the start.
            try await app.atlas.events.feed.start()
            let runner = configuration.workers > 0 ? makeRunner(app, concurrency: configuration.workers) : nil
            runner?.start()
            let health = Task { await app.comfyUIPool.runHealthChecks() }
            try await app.execute()
            health.cancel()
            await runner?.stop()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Runs job workers without HTTP until SIGINT or SIGTERM (`atlas worker`); with
    /// `metricsPort`, also answers `GET /metrics` there.
    public static func work(_ configuration: AtlasConfiguration, concurrency: Int, metricsHost: String = "127.0.0.1",
                            metricsPort: Int? = nil) async throws {
        try await withApplication(configuration) { app in
            try await requireMigrated(app)
            var metrics: Application?
            if let metricsPort { metrics = try await WorkerMetricsServer.start(exposing: app, host: metricsHost, port: metricsPort) }
            // On PostgreSQL the feed's listener hears other processes' commits, so a job queued by
            // `atlas serve` wakes an idle worker here at once instead of at its next poll.
            try await app.atlas.events.feed.start()
            let runner = makeRunner(app, concurrency: concurrency)
            runner.start()
            let health = Task { await app.comfyUIPool.runHealthChecks() }
            await StopSignal.wait()
            health.cancel()
            app.logger.notice("stopping: running jobs go back to the queue")
            await runner.stop()
            if let metrics {
                await metrics.server.shutdown()
                try await metrics.asyncShutdown()
            }
        }
    }

    static func makeRunner(_ app: Application, concurrency: Int) -> JobRunner {
        JobRunner(database: app.atlasDatabase, handlers: app.atlas.jobHandlers,
                  settings: .init(concurrency: concurrency, lease: TimeInterval(app.atlas.configuration.jobLeaseSeconds),
                                  idlePoll: app.atlas.configuration.jobPollSeconds),
                  clock: app.atlas.clock, logger: app.logger,
                  metrics: app.atlas.metrics.jobs)
    }

    /// Refuses to serve a database that `atlas migrate` has not brought up to date, rather than answering with errors.
    static func requireMigrated(_ app: Application) async throws {
        let pending = try await app.migrator.previewPrepareBatch().get()
        guard pending.isEmpty else {
            throw StartupError("The database has \(pending.count) pending migration(s). Run `atlas migrate` with the same DATABASE_URL first (or set ATLAS_AUTO_MIGRATE=true).")
        }
    }

    /// Applies every pending migration.
    public static func migrate(_ configuration: AtlasConfiguration) async throws {
        var configuration = configuration
        configuration.autoMigrate = true
        try await withApplication(configuration) { _ in }
    }

    /// Re-hashes every blob and checks every referenced one is stored.
    public static func fsck(_ configuration: AtlasConfiguration) async throws -> FsckReport {
        try await withApplication(configuration) { app in
            try await Fsck.run(database: app.atlasDatabase, blobs: app.atlas.blobs)
        }
    }

    /// Finds (and with `apply`, deletes) stored content no version names, older than `graceSeconds`.
    public static func purge(_ configuration: AtlasConfiguration, apply: Bool, graceSeconds: TimeInterval) async throws -> PurgeReport {
        try await withApplication(configuration) { app in
            try await Purge.run(database: app.atlasDatabase, blobs: app.atlas.blobs, apply: apply,
                                graceSeconds: graceSeconds, now: app.atlas.clock.now())
        }
    }

    /// A configured application that serves no HTTP, for commands and tools.
    public static func withApplication<T: Sendable>(_ configuration: AtlasConfiguration,
                                                    _ body: (Application) async throws -> T) async throws -> T {
        let app = try await makeApplication(arguments: ["atlas"])
        do {
            try await configure(app, configuration)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    static func makeApplication(arguments: [String]) async throws -> Application {
        // Vapor is not given the process's command line: `atlas` parses it, and Vapor sees only the command to run.
        let environment = Environment(name: "production", arguments: arguments)
        return try await Application.make(environment)
    }
}

/// Why the server would not start, in words an operator can act on.
public struct StartupError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
