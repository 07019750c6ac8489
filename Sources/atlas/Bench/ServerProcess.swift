import AsyncHTTPClient
import Foundation
#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// `atlas serve` running as a child process of the benchmark, reached over real HTTP.
///
/// A child process rather than an in-process application, so the figures include the HTTP
/// stack and the server's memory can be read on its own.
final class ServerProcess {
    let database: BenchDatabase
    let client: AtlasClient
    let logPath: String
    private let process: Process

    var pid: Int32 { process.processIdentifier }

    private init(database: BenchDatabase, client: AtlasClient, logPath: String, process: Process) {
        self.database = database
        self.client = client
        self.logPath = logPath
        self.process = process
    }

    /// Creates an administrator with an API key for the client to use, starts the server on a
    /// free port with its data in `dataDirectory`, and waits until `/healthz` answers
    /// (PostgreSQL migrates first, which takes a few seconds).
    static func start(binary: String, database: BenchDatabase, dataDirectory: String,
                      logPath: String, http: HTTPClient, environment extra: [String: String] = [:]) async throws -> ServerProcess {
        var place = ["--data-dir", dataDirectory]
        // Settings from the caller's shell (a DATABASE_URL, a debug log level) would change what
        // is measured; the server gets the defaults plus what this run sets.
        var environment = ProcessInfo.processInfo.environment.filter { name, _ in
            !name.hasPrefix("ATLAS_") && name != "DATABASE_URL"
        }
        environment.merge(extra) { _, set in set }
        if case .postgres(let postgres) = database {
            place += ["--database-url", postgres.url]
            environment["ATLAS_AUTO_MIGRATE"] = "true"
        }
        let apiKey = try await BenchAccounts.createAdministrator(binary: binary, place: place, environment: environment,
                                                                 logPath: logPath)
        let port = try FreePort.find()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port)] + place
        process.environment = environment
        let log = try ChildProcess.openForAppending(logPath)
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The child has its own descriptor for the log now.
        try? log.close()

        let client = AtlasClient(http: http, baseURL: "http://127.0.0.1:\(port)", apiKey: apiKey)
        let server = ServerProcess(database: database, client: client, logPath: logPath, process: process)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(180)
        while clock.now < deadline {
            guard process.isRunning else {
                throw BenchError("the server exited with status \(process.terminationStatus) while starting:\n\(ChildProcess.tail(of: logPath))")
            }
            if await server.client.isHealthy() { return server }
            try await Task.sleep(for: .milliseconds(50))
        }
        await server.stop()
        throw BenchError("the server did not answer /healthz within 180 s:\n\(ChildProcess.tail(of: logPath))")
    }

    /// This program's own executable, which the server runs as: `/proc/self/exe` where there
    /// is one, else `argv[0]` made absolute.
    ///
    /// `/proc/self/exe` itself rather than the path it points to: the spawned child resolves it
    /// to the very image this process runs, even if a build in the same checkout has replaced
    /// (or is still writing) the file at that path, so both always run the same code.
    static func currentExecutable() -> String {
        if FileManager.default.isExecutableFile(atPath: "/proc/self/exe") { return "/proc/self/exe" }
        let first = CommandLine.arguments[0]
        if first.hasPrefix("/") { return first }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(first).standardizedFileURL.path
    }

    /// The server's resident memory (`VmRSS` in `/proc/<pid>/status`) in bytes; nil where
    /// there is no `/proc` (macOS).
    func residentMemoryBytes() -> Int64? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            // "VmRSS:     51234 kB"
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kilobytes = Int64(fields[1]) else { return nil }
            return kilobytes * 1024
        }
        return nil
    }

    /// Asks the server to shut down (SIGTERM, as a service manager would), and kills it if it
    /// has not gone after 20 seconds.
    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        if await waitForExit(seconds: 20) { return }
        BenchReport.progress("the server (pid \(pid)) did not stop on SIGTERM; killing it")
        kill(pid, SIGKILL)
        _ = await waitForExit(seconds: 10)
    }

    private func waitForExit(seconds: Int) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(seconds)
        while process.isRunning && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return !process.isRunning
    }
}
