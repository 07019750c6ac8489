import Foundation
import Logging

/// Everything the server and CLI are configured by, decoded once at start.
///
/// Sources in order of precedence: the command line, then the environment (`ATLAS_*`,
/// `DATABASE_URL`), then the defaults that give the embedded mode (SQLite and a local blob
/// folder under `./atlas-data`). Nothing else in the code reads the environment.
public struct AtlasConfiguration: Sendable {
    public enum DatabaseSetting: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public enum LogFormat: String, Sendable { case text, json }

    public var host = "127.0.0.1"
    public var port = 8000
    public var dataDirectory = "./atlas-data"
    public var database: DatabaseSetting = .sqlite(path: "./atlas-data/atlas.sqlite")
    public var maxUploadBytes: Int64 = 100 * 1024 * 1024 * 1024
    public var logLevel: Logger.Level = .info
    public var logFormat: LogFormat = .text
    /// Apply migrations at start. On by default for SQLite (the embedded mode); PostgreSQL
    /// deployments run `atlas migrate` once, so replicas never race on schema changes.
    public var autoMigrate = true
    /// Job worker loops inside `atlas serve` (0: none; jobs then need `atlas worker` processes).
    public var workers = 2
    /// How long a job claim holds without renewal (2–3600 s); a third of it is the renewal interval.
    /// A dead worker's job is claimed again once its lease runs out, so this is how late that is.
    public var jobLeaseSeconds = 30
    /// How often an idle worker looks for jobs nobody told it about (0.01–60 s). A commit of this
    /// process, or on PostgreSQL of any process, wakes it at once; the poll is the fallback.
    public var jobPollSeconds = 0.2
    /// Register the `diagnostic.*` job kinds, which exist to check the queue itself (off by default).
    public var diagnosticJobs = false
    /// bcrypt's work factor for passwords (4–31); each step doubles the work of a guess.
    public var bcryptCost = 12
    /// Base64 of 32 bytes that encrypt stored secrets; nil: a key file in the data folder.
    public var secretKey: String?
    /// The address people reach the server at, for links it prints; `https` also makes cookies `Secure`.
    public var publicURL: String?
    /// The Python that runs usd-core and MaterialX work (reading `.usdc`, composing USD stages and
    /// validating MaterialX when versions are inspected; converting `.usda` ↔ `.usdc`): a name on `PATH` or a path.
    public var python = "python3"
    /// Seconds one external inspection tool run (assimp, the usd-core or MaterialX worker) may take
    /// before it is stopped and reported as `tool_timed_out` (1–3600).
    public var toolTimeoutSeconds = 120
    /// ComfyUI servers AI tools run on (`ATLAS_COMFYUI_URLS`, comma-separated), beside those added through the admin API.
    public var comfyUIURLs: [URL] = []
    /// A folder of tools loaded at start (`ATLAS_TOOLS_DIR`): `NAME.json` manifests beside `NAME.workflow.json` workflows.
    public var toolsDirectory: String?
    /// The web UI's static files (`ATLAS_PUBLIC_DIR`); when unset, the `Public/` folder found
    /// beside the working directory or above the executable (see `PublicFolder`).
    public var publicDirectory: String?

    /// For `atlas bench auth` only, and not settable from the environment or command line:
    /// every request acts as the first administrator, with no credential lookup and no
    /// permission check, so the benchmark can measure what those cost.
    @_spi(Benchmarks) public var benchmarkWithoutAccessControl = false
    /// How often a live-events connection re-checks its credential and reloads its memberships
    /// (seconds). Not an environment variable: tests shorten it.
    public var liveEventsRecheckInterval: TimeInterval = 30

    public var blobDirectory: String { dataDirectory + "/blobs" }

    public init() {}

    /// The names this configuration reads, for `--help` and the README.
    public static let environmentNames = [
        "ATLAS_HOST", "ATLAS_PORT", "ATLAS_DATA_DIR", "DATABASE_URL", "ATLAS_MAX_UPLOAD_BYTES",
        "ATLAS_LOG_LEVEL", "ATLAS_LOG_FORMAT", "ATLAS_AUTO_MIGRATE", "ATLAS_BCRYPT_COST", "ATLAS_SECRET_KEY",
        "ATLAS_PUBLIC_URL", "ATLAS_WORKERS", "ATLAS_JOB_LEASE_SECONDS", "ATLAS_JOB_POLL_SECONDS", "ATLAS_DIAGNOSTIC_JOBS", "ATLAS_PYTHON",
        "ATLAS_TOOL_TIMEOUT_SECONDS", "ATLAS_COMFYUI_URLS", "ATLAS_TOOLS_DIR",
    ]

    /// The public address is https: cookies are `Secure` and responses carry HSTS.
    public var servesHTTPS: Bool { publicURL?.lowercased().hasPrefix("https://") == true }

    /// Where people open the server: `ATLAS_PUBLIC_URL`, else the address it listens on.
    public var baseURL: String {
        if let publicURL { return publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL }
        let shownHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        return "http://\(shownHost.contains(":") ? "[\(shownHost)]" : shownHost):\(port)"
    }

    /// Builds the configuration from command-line overrides (same names as the environment)
    /// and the environment, collecting every invalid value into one error.
    public static func load(environment: [String: String], overrides: [String: String] = [:]) throws(ConfigurationError) -> AtlasConfiguration {
        let values = environment.merging(overrides.filter { !$0.value.isEmpty }) { _, override in override }
        var config = AtlasConfiguration()
        var problems: [String] = []

        if let host = values["ATLAS_HOST"] { config.host = host }
        if let text = values["ATLAS_PORT"] {
            if let port = Int(text), (0...65535).contains(port) { config.port = port }
            else { problems.append("ATLAS_PORT='\(text)' is not a port number (0–65535)") }
        }
        if let dir = values["ATLAS_DATA_DIR"], !dir.isEmpty { config.dataDirectory = dir }
        if let url = values["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                config.database = .postgres(url: url)
                config.autoMigrate = false
            } else if url.hasPrefix("sqlite://") {
                config.database = .sqlite(path: String(url.dropFirst("sqlite://".count)))
            } else {
                problems.append("DATABASE_URL must start with postgres:// or sqlite:// (got '\(url.prefix(12))…')")
            }
        } else {
            config.database = .sqlite(path: config.dataDirectory + "/atlas.sqlite")
        }
        if let text = values["ATLAS_MAX_UPLOAD_BYTES"] {
            if let bytes = Int64(text), bytes > 0 { config.maxUploadBytes = bytes }
            else { problems.append("ATLAS_MAX_UPLOAD_BYTES='\(text)' is not a positive number of bytes") }
        }
        if let text = values["ATLAS_LOG_LEVEL"] {
            if let level = Logger.Level(rawValue: text.lowercased()) { config.logLevel = level }
            else { problems.append("ATLAS_LOG_LEVEL='\(text)' is not one of trace, debug, info, notice, warning, error, critical") }
        }
        if let text = values["ATLAS_LOG_FORMAT"] {
            if let format = LogFormat(rawValue: text.lowercased()) { config.logFormat = format }
            else { problems.append("ATLAS_LOG_FORMAT='\(text)' is not text or json") }
        }
        if let text = values["ATLAS_AUTO_MIGRATE"] {
            switch text.lowercased() {
            case "true", "1", "yes": config.autoMigrate = true
            case "false", "0", "no": config.autoMigrate = false
            default: problems.append("ATLAS_AUTO_MIGRATE='\(text)' is not true or false")
            }
        }
        if let text = values["ATLAS_WORKERS"] {
            if let count = Int(text), (0...256).contains(count) { config.workers = count }
            else { problems.append("ATLAS_WORKERS='\(text)' is not a number of workers (0–256)") }
        }
        if let text = values["ATLAS_JOB_LEASE_SECONDS"] {
            if let seconds = Int(text), (2...3600).contains(seconds) { config.jobLeaseSeconds = seconds }
            else { problems.append("ATLAS_JOB_LEASE_SECONDS='\(text)' is not a number of seconds (2–3600)") }
        }
        if let text = values["ATLAS_JOB_POLL_SECONDS"] {
            if let seconds = Double(text), (0.01...60).contains(seconds) { config.jobPollSeconds = seconds }
            else { problems.append("ATLAS_JOB_POLL_SECONDS='\(text)' is not a number of seconds (0.01–60)") }
        }
        if let text = values["ATLAS_DIAGNOSTIC_JOBS"] {
            switch text.lowercased() {
            case "true", "1", "yes": config.diagnosticJobs = true
            case "false", "0", "no": config.diagnosticJobs = false
            default: problems.append("ATLAS_DIAGNOSTIC_JOBS='\(text)' is not true or false")
            }
        }
        if let text = values["ATLAS_BCRYPT_COST"] {
            if let cost = Int(text), (4...31).contains(cost) { config.bcryptCost = cost }
            else { problems.append("ATLAS_BCRYPT_COST='\(text)' is not a bcrypt cost (4–31)") }
        }
        if let key = values["ATLAS_SECRET_KEY"], !key.isEmpty {
            if Data(base64Encoded: key)?.count == 32 { config.secretKey = key }
            else { problems.append("ATLAS_SECRET_KEY is not the base64 of 32 bytes (make one with: openssl rand -base64 32)") }
        }
        if let url = values["ATLAS_PUBLIC_URL"], !url.isEmpty {
            if let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil {
                config.publicURL = url
            } else {
                problems.append("ATLAS_PUBLIC_URL='\(url)' is not an http:// or https:// address")
            }
        }
        if let python = values["ATLAS_PYTHON"], !python.isEmpty { config.python = python }
        if let text = values["ATLAS_TOOL_TIMEOUT_SECONDS"] {
            if let seconds = Int(text), (1...3600).contains(seconds) { config.toolTimeoutSeconds = seconds }
            else { problems.append("ATLAS_TOOL_TIMEOUT_SECONDS='\(text)' is not a number of seconds (1–3600)") }
        }
        config.readAITools(values, problems: &problems)
        config.readWebUI(values, problems: &problems)
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return config
    }
}

/// Every invalid configuration value, reported together so one restart fixes them all.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var problems: [String]
    public var description: String {
        "Invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
