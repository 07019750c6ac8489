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
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
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
