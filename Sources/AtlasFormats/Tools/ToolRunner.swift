import Foundation

/// Runs external tools inside the fences a `ToolCommand` names and reports a typed failure.
///
/// Hand-written over `Foundation.Process` because no package on the mirror runs a subprocess
/// with a timeout, bounded output and a memory cap; swift-subprocess is not available here.
public enum ToolRunner {
    /// The full path of `name` on `PATH` (or `name` itself when it is a path that exists), nil when absent.
    public static func locate(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        let files = FileManager.default
        if name.contains("/") { return files.isExecutableFile(atPath: name) ? name : nil }
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if files.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `command` and returns its output when it exits 0.
    public static func run(_ command: ToolCommand) async throws(ToolFailure) -> ToolOutput {
        let output = try await launch(command)
        guard output.status == 0 else {
            throw .failed(command.executable, status: output.status, message: lastLine(of: output.standardError))
        }
        return output
    }

    /// Runs `command` and returns its output whatever its exit status (for tools whose status
    /// carries an answer, like a validator). Throws only when it is missing, hangs or cannot start.
    public static func launch(_ command: ToolCommand) async throws(ToolFailure) -> ToolOutput {
        guard let executable = locate(command.executable) else { throw .notInstalled(command.executable) }
        let workingDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("atlas-tool-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
        } catch {
            throw .launchFailed(command.executable, message: "\(error)")
        }
        defer { try? FileManager.default.removeItem(at: workingDirectory) }

        let process = Process()
        // `ulimit -v` caps the address space in the child before the tool starts; where the
        // system refuses it (macOS), the tool runs with the timeout as its only fence.
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(command.memoryLimit / 1024) 2>/dev/null; exec \"$0\" \"$@\"", executable]
            + command.arguments
        process.currentDirectoryURL = workingDirectory
        process.environment = cleanEnvironment(adding: command.environment, home: workingDirectory.path)
        let standardOutput = Pipe(), standardError = Pipe()
        process.standardOutput = standardOutput
        process.standardError = standardError
        process.standardInput = FileHandle.nullDevice

        let exited = ExitSignal()
        process.terminationHandler = { _ in exited.fire() }
        do {
            try process.run()
        } catch {
            throw .launchFailed(command.executable, message: "\(error)")
        }
        async let out = drain(standardOutput.fileHandleForReading, keeping: command.maxOutputBytes, tail: false)
        async let err = drain(standardError.fileHandleForReading, keeping: 16 << 10, tail: true)
        let finished = await exited.wait(seconds: command.timeout)
        if !finished { await stop(process, exited: exited) }
        let (outData, errData) = await (out, err)
        guard finished else { throw .timedOut(command.executable, seconds: command.timeout) }
        return ToolOutput(status: process.terminationStatus, standardOutput: outData,
                          standardError: String(decoding: errData, as: UTF8.self))
    }

    /// Stops a hung tool and whatever it started: Foundation makes the child the leader of its
    /// own process group, so signalling the group also reaches grandchildren that hold the pipes.
    private static func stop(_ process: Process, exited: ExitSignal) async {
        let pid = process.processIdentifier
        kill(-pid, SIGTERM)
        kill(pid, SIGTERM)
        if await !exited.wait(seconds: 1) { kill(pid, SIGKILL) }
        kill(-pid, SIGKILL)
        _ = await exited.wait(seconds: 5)
    }

    private static func cleanEnvironment(adding extra: [String: String], home: String) -> [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment = ["PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Reads a pipe to its end on a thread of its own, keeping the first (or last) `limit` bytes.
    private static func drain(_ handle: FileHandle, keeping limit: Int, tail: Bool) async -> Data {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var kept = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    if tail {
                        kept.append(chunk)
                        if kept.count > limit { kept = kept.suffix(limit) }
                    } else if kept.count < limit {
                        kept.append(chunk.prefix(limit - kept.count))
                    }
                }
                continuation.resume(returning: kept)
            }
        }
    }

    static func lastLine(of text: String) -> String {
        text.split(whereSeparator: \.isNewline).last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { String($0.prefix(500)) } ?? ""
    }
}

/// A one-shot signal that a process ended, awaited with a deadline.
private final class ExitSignal: @unchecked Sendable {
    // Guarded by `lock`: set once by the termination handler; each waiter is resumed exactly
    // once, by `fire` or by its own deadline, whichever takes it out of `waiters` first.
    private let lock = NSLock()
    private var done = false
    private var waiters: [UUID: CheckedContinuation<Bool, Never>] = [:]

    func fire() {
        let resumed: [CheckedContinuation<Bool, Never>] = lock.withLock {
            done = true
            defer { waiters = [:] }
            return Array(waiters.values)
        }
        resumed.forEach { $0.resume(returning: true) }
    }

    /// True when the process ended within `seconds`.
    func wait(seconds: Double) async -> Bool {
        let id = UUID()
        return await withCheckedContinuation { continuation in
            let already = lock.withLock {
                if done { return true }
                waiters[id] = continuation
                return false
            }
            if already { return continuation.resume(returning: true) }
            Task {
                try? await Task.sleep(nanoseconds: UInt64(max(seconds, 0) * 1_000_000_000))
                let expired = self.lock.withLock { self.waiters.removeValue(forKey: id) }
                expired?.resume(returning: false)
            }
        }
    }
}
