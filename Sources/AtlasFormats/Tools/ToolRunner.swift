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
        let watchdog = Watchdog(pid: process.processIdentifier, exited: exited)
        watchdog.arm(after: command.timeout)
        async let out = drain(standardOutput.fileHandleForReading, keeping: command.maxOutputBytes, tail: false)
        async let err = drain(standardError.fileHandleForReading, keeping: 16 << 10, tail: true)
        // The pipes close when the tool and everything it started have ended, or been stopped by the
        // watchdog; a tool that closes them and runs on is stopped by the watchdog too.
        let (outData, errData) = await (out, err)
        let ended = await exited.wait(seconds: command.timeout + 10)
        guard !watchdog.disarm(), ended else { throw .timedOut(command.executable, seconds: command.timeout) }
        return ToolOutput(status: process.terminationStatus, standardOutput: outData,
                          standardError: String(decoding: errData, as: UTF8.self))
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
                // read(2) itself, because `availableData` traps when a signal (SIGCHLD of another
                // tool, with several running at once) interrupts the read: EINTR is retried here.
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
                    if count < 0, errno == EINTR { continue }
                    if count <= 0 { break }
                    let chunk = Data(buffer[0..<count])
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

/// Stops a tool that outlives its timeout, from a timer of its own rather than the cooperative
/// thread pool, which synchronous work may keep busy (two threads on a two-core machine): a hung
/// tool is stopped on time whatever else runs. SIGTERM goes to the tool and its process group,
/// SIGKILL a second later. Foundation makes the child the leader of its own process group, so
/// signalling the group also reaches grandchildren that hold the pipes.
private final class Watchdog: @unchecked Sendable {
    // `armed` and `fired` are guarded by `lock`.
    private let lock = NSLock()
    private var armed = true
    private var fired = false
    private let pid: pid_t
    private let exited: ExitSignal

    init(pid: pid_t, exited: ExitSignal) {
        self.pid = pid
        self.exited = exited
    }

    func arm(after seconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + max(seconds, 0)) { [self] in
            let firing = lock.withLock {
                if armed { fired = true }
                return armed
            }
            guard firing else { return }
            signal(SIGTERM)
            DispatchQueue.global().asyncAfter(deadline: .now() + 1) { [self] in signal(SIGKILL) }
        }
    }

    /// Stops the timer; true when it had already fired, so the tool was stopped.
    func disarm() -> Bool {
        lock.withLock {
            armed = false
            return fired
        }
    }

    private func signal(_ value: Int32) {
        kill(-pid, value)
        if !exited.isDone { kill(pid, value) }
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

    var isDone: Bool { lock.withLock { done } }

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
