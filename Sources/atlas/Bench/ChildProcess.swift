import Foundation

/// Runs tools (`psql`, `sha256sum`, `cp`, `sync`) to completion without blocking a thread.
enum ChildProcess {
    /// Runs `arguments` (the first is looked up on `PATH`; or, with `executable`, all of them
    /// are its arguments) and returns its exit status.
    ///
    /// Output goes to the file `log` (appended), or nowhere: a file rather than a pipe, so a
    /// chatty tool can never fill a pipe nobody reads and hang.
    @discardableResult
    static func run(_ arguments: [String], executable: String? = nil, log: String? = nil) async throws -> Int32 {
        let process = Process()
        // This binary is `/proc/self/exe`, which only a direct spawn resolves to it (through `env` it would be `env`).
        process.executableURL = URL(fileURLWithPath: executable ?? "/usr/bin/env")
        process.arguments = arguments
        let output = try log.map(openForAppending) ?? FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        defer { if log != nil { try? output.close() } }
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: BenchError("cannot run \(arguments.first ?? "?"): \(error)"))
            }
        }
    }

    /// Runs `arguments` and fails, quoting the end of `log`, unless it exits 0.
    static func check(_ arguments: [String], log: String) async throws {
        let status = try await run(arguments, log: log)
        guard status == 0 else {
            throw BenchError("\(arguments.first ?? "?") exited with status \(status): \(tail(of: log))")
        }
    }

    /// The last lines of a log file, for error messages.
    static func tail(of path: String, lines: Int = 8) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "(no output)" }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    static func openForAppending(_ path: String) throws -> FileHandle {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw BenchError("cannot write \(path)") }
        try handle.seekToEnd()
        return handle
    }
}
