import AsyncHTTPClient
import AtlasServer
import Foundation
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real `atlas` executable, run as a child process: `atlas serve` for tests that kill and
/// restart the server, and one-shot commands (`fsck`, `purge`, `migrate`) for tests of the CLI.
///
/// The binary is looked up in `ATLAS_TEST_BINARY_DIR` (set by `scripts/test`), then next to the
/// running test bundle, then in `.build/debug` under the current directory.
///
/// A server must be stopped by its test with ``terminate(timeout:)`` or ``kill()``; as a safety net
/// a process still running when its `AtlasProcess` is released is killed then.
///
/// `@unchecked Sendable`: Foundation's `Process` is not `Sendable`. It is only touched while
/// `lock` is held, and every other stored property is an immutable `Sendable` value.
public final class AtlasProcess: @unchecked Sendable {
    /// The loopback port the server listens on (0 for one-shot commands).
    public let port: Int
    public let dataDirectory: String
    public let databaseURL: String?
    /// Where the process's standard output and error go; removed when this object is released.
    public let logPath: String
    /// An API key of the server's administrator (`admin`), made before the server started.
    public let apiKey: String

    private let lock = NSLock()
    private let process: Process

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(process: Process, port: Int, dataDirectory: String, databaseURL: String?, logPath: String, apiKey: String = "") {
        self.process = process
        self.apiKey = apiKey
        self.port = port
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.logPath = logPath
    }

    deinit {
        // No lock needed: nobody else holds a reference any more.
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: logPath)
    }

    // MARK: - The binary

    /// The `atlas` executable of this build, or an error that says how to make it.
    public static func binary() throws -> URL {
        var candidates: [(String, URL)] = []
        let environment = ProcessInfo.processInfo.environment
        if let dir = environment["ATLAS_TEST_BINARY_DIR"], !dir.isEmpty {
            candidates.append(("ATLAS_TEST_BINARY_DIR", URL(fileURLWithPath: dir)))
        }
        if let first = CommandLine.arguments.first, !first.isEmpty {
            let runner = URL(fileURLWithPath: first).resolvingSymlinksInPath()
            candidates.append(("the test runner's folder", runner.deletingLastPathComponent()))
        }
        // A bundle on macOS (`….xctest/Contents/MacOS/…`): the build folder holds the bundle.
        let bundle = Bundle.main.bundleURL
        candidates.append(("the test bundle's folder", bundle.deletingLastPathComponent()))
        candidates.append(("the test bundle", bundle))
        candidates.append((".build/debug", URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent(".build/debug")))

        for (_, folder) in candidates {
            let executable = folder.appendingPathComponent("atlas")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: executable.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: executable.path) {
                return executable
            }
        }
        let searched = candidates.map { "\($0.0) (\($0.1.path))" }.joined(separator: ", ")
        throw TestSupportError("The atlas executable was not found in \(searched); build it with `swift build` "
            + "(or run the tests with scripts/test, which sets ATLAS_TEST_BINARY_DIR).")
    }

    // MARK: - atlas serve

    /// Starts `atlas serve` on a free loopback port with `dataDirectory` (and PostgreSQL at
    /// `databaseURL`, if given) and returns once `/healthz` answers.
    ///
    /// - Parameter environment: extra variables, e.g. `ATLAS_AUTO_MIGRATE=true` for a fresh
    ///   PostgreSQL database. `ATLAS_*` and `DATABASE_URL` of the test's own environment are not passed on.
    /// - Parameter administrator: make the administrator `admin` and its ``apiKey`` first; false leaves the
    ///   server without accounts, as on a studio's first start.
    public static func serve(dataDirectory: String, databaseURL: String? = nil, environment: [String: String] = [:],
                             administrator: Bool = true, startupTimeout: Duration = .seconds(60)) async throws -> AtlasProcess {
        let key = administrator
            ? try await administratorKey(dataDirectory: dataDirectory, databaseURL: databaseURL, environment: environment) : ""
        var attempt = 0
        while true {
            attempt += 1
            let port = try await freeLoopbackPort()
            var arguments = ["serve", "--host", "127.0.0.1", "--port", String(port), "--data-dir", dataDirectory]
            if let databaseURL { arguments += ["--database-url", databaseURL] }
            let server = try launch(arguments, environment: environment, port: port, dataDirectory: dataDirectory,
                                    databaseURL: databaseURL, apiKey: key)
            do {
                try await server.waitUntilHealthy(timeout: startupTimeout)
                return server
            } catch is PortTaken where attempt < 3 {
                // Another program took the port between our probe and the server's bind: try another.
                continue
            } catch {
                server.kill()
                _ = try? await server.waitForExit(timeout: .seconds(10))
                throw error
            }
        }
    }

    /// Sends SIGKILL: the process dies at once, with no chance to clean up. Returns at once;
    /// use ``waitForExit(timeout:)`` to know it is gone. Does nothing once the process has exited.
    public func kill() {
        signal(SIGKILL)
    }

    /// Asks the process to stop (SIGTERM) and waits for it; kills it if it has not exited within `timeout`.
    /// Never throws: this is for clean-up paths.
    public func terminate(timeout: Duration = .seconds(15)) async {
        signal(SIGTERM)
        if (try? await waitForExit(timeout: timeout)) == nil {
            signal(SIGKILL)
            _ = try? await waitForExit(timeout: .seconds(10))
        }
    }

    /// Whether the process is still running.
    public var isRunning: Bool {
        lock.withLock { process.isRunning }
    }

    /// Waits until the process has exited and returns its exit status (the signal number if a signal ended it).
    @discardableResult
    public func waitForExit(timeout: Duration) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while isRunning {
            guard ContinuousClock.now < deadline else {
                throw TestSupportError("atlas (pid \(pid)) did not exit within \(timeout).\n\(logTail())")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return lock.withLock { process.terminationStatus }
    }

    public var pid: Int32 {
        lock.withLock { process.processIdentifier }
    }

    /// The last `maxBytes` of what the process wrote to standard output and error.
    public func logTail(maxBytes: Int = 4000) -> String {
        guard let handle = FileHandle(forReadingAtPath: logPath) else { return "(no output)" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > UInt64(maxBytes) ? size - UInt64(maxBytes) : 0
        try? handle.seek(toOffset: start)
        let data = (try? handle.readToEnd()) ?? Data()
        let text = String(decoding: data, as: UTF8.self)
        return text.isEmpty ? "(no output)" : (start > 0 ? "…" : "") + text
    }

    private func signal(_ number: Int32) {
        lock.withLock {
            // isRunning is checked under the lock, so a pid that Foundation has reaped (and the
            // system may have reused) is never signalled.
            if process.isRunning { _ = Foundation.kill(process.processIdentifier, number) }
        }
    }

    private struct PortTaken: Error, CustomStringConvertible {
        var description: String
    }

    private func waitUntilHealthy(timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        let url = baseURL + "/healthz"
        while true {
            if !isRunning {
                let status = lock.withLock { process.terminationStatus }
                let log = logTail()
                let message = "atlas serve exited with status \(status) before answering \(url).\nIts output:\n\(log)"
                if log.contains("Address already in use") || log.contains("EADDRINUSE") { throw PortTaken(description: message) }
                throw TestSupportError(message)
            }
            if let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(2)),
                response.status == .ok {
                _ = try? await response.body.collect(upTo: 64 * 1024)
                return
            }
            guard ContinuousClock.now < deadline else {
                throw TestSupportError("atlas serve did not answer \(url) within \(timeout).\nIts output:\n\(logTail())")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// A new API key of the administrator `admin`, who is created on first use (with `atlas user`, as an operator would).
    public static func administratorKey(dataDirectory: String, databaseURL: String? = nil,
                                        environment: [String: String] = [:]) async throws -> String {
        var place = ["--data-dir", dataDirectory]
        if let databaseURL { place += ["--database-url", databaseURL] }
        var made = try await run(["user", "api-key", "--username", "admin", "--name", "tests"] + place, environment: environment)
        if made.exitCode != 0 {
            made = try await run(["user", "create", "--username", "admin", "--role", "administrator", "--password-stdin",
                                  "--api-key", "tests"] + place, environment: environment, input: TestAccount.password + "\n")
        }
        guard made.exitCode == 0, let key = made.output.split(separator: "\n").last(where: { $0.hasPrefix("atlas_k_") }) else {
            throw TestSupportError("could not make an administrator's API key:\n\(made.output)")
        }
        return String(key)
    }

    /// Starts `atlas <arguments>` (e.g. `["worker", "--data-dir", dir]`) and returns at once;
    /// stop it with ``terminate(timeout:)`` or ``kill()``.
    public static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> AtlasProcess {
        try launch(arguments, environment: environment, port: 0, dataDirectory: "", databaseURL: nil)
    }

    // MARK: - One-shot commands

    /// Runs `atlas <arguments>` (e.g. `["fsck", "--data-dir", dir]`) to completion and returns its
    /// exit code and everything it printed (standard output and error together). The process
    /// is killed, and an error thrown, if it takes longer than `timeout`.
    public static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil,
                           timeout: Duration = .seconds(60)) async throws -> (exitCode: Int32, output: String) {
        let command = try launch(arguments, environment: environment, port: 0, dataDirectory: "", databaseURL: nil, input: input)
        do {
            let status = try await command.waitForExit(timeout: timeout)
            let output = (try? String(contentsOfFile: command.logPath, encoding: .utf8)) ?? ""
            return (status, output)
        } catch {
            command.kill()
            _ = try? await command.waitForExit(timeout: .seconds(10))
            throw TestSupportError("atlas \(arguments.joined(separator: " ")) did not finish within \(timeout).\n\(command.logTail())")
        }
    }

    // MARK: - Launching

    private static func launch(_ arguments: [String], environment: [String: String], port: Int, dataDirectory: String,
                               databaseURL: String?, apiKey: String = "", input: String? = nil) throws -> AtlasProcess {
        let executable = try binary()
        var variables = ProcessInfo.processInfo.environment
        // The child is configured by its arguments and `environment` only, not by whatever the
        // developer running the tests has exported.
        for name in AtlasConfiguration.environmentNames { variables[name] = nil }
        variables.merge(environment) { _, new in new }

        let logPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("atlas-process-\(UUID().uuidString.lowercased()).log").path
        guard FileManager.default.createFile(atPath: logPath, contents: nil),
            let log = FileHandle(forWritingAtPath: logPath)
        else { throw TestSupportError("cannot create the log file \(logPath)") }
        defer { try? log.close() }  // the child has its own copy of the descriptor

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = variables
        let stdin = input.map { _ in Pipe() }
        process.standardInput = stdin ?? FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(atPath: logPath)
            throw TestSupportError("cannot start \(executable.path): \(error)")
        }
        if let stdin, let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        return AtlasProcess(process: process, port: port, dataDirectory: dataDirectory, databaseURL: databaseURL,
                            logPath: logPath, apiKey: apiKey)
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on right now: the system picks it for a socket
/// bound to port 0, which is closed again before returning. (Another program may take it in
/// between; servers started on it should be ready to retry.)
public func freeLoopbackPort() async throws -> Int {
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .bind(host: "127.0.0.1", port: 0).get()
    let port = channel.localAddress?.port
    try await channel.close()
    guard let port, port > 0 else { throw TestSupportError("the system gave no free port on 127.0.0.1") }
    return port
}
