import ArgumentParser
import AtlasServer
import Foundation

/// Options every command shares. Each overrides the environment variable named in its help.
struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on (ATLAS_HOST, default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (ATLAS_PORT, default 8000).")
    var port: Int?

    @Option(name: .customLong("data-dir"), help: "Folder for the SQLite database and blobs (ATLAS_DATA_DIR, default ./atlas-data).")
    var dataDirectory: String?

    @Option(name: .customLong("database-url"), help: "postgres://… to use PostgreSQL (DATABASE_URL).")
    var databaseURL: String?

    /// The configuration from these options, the environment and the defaults; logging is set up from it.
    func load() throws -> AtlasConfiguration {
        var overrides: [String: String] = [:]
        overrides["ATLAS_HOST"] = host
        overrides["ATLAS_PORT"] = port.map(String.init)
        overrides["ATLAS_DATA_DIR"] = dataDirectory
        overrides["DATABASE_URL"] = databaseURL
        do {
            let configuration = try AtlasConfiguration.load(environment: ProcessInfo.processInfo.environment, overrides: overrides)
            AtlasLogging.bootstrap(configuration)
            return configuration
        } catch {
            throw ValidationError(error.description)
        }
    }
}
