import Foundation

/// The accounts benchmarked servers are used through: every API route but the health checks
/// needs a credential, so each server gets an administrator before it starts.
enum BenchAccounts {
    static let administrator = "bench-admin"
    /// The API keys' name, as `atlas user` records it.
    static let keyName = "bench"

    /// A password for a run's accounts: nobody signs in with it, it only has to pass the policy.
    static func newPassword() -> String {
        "bench-" + UUID().uuidString.lowercased()
    }

    /// Creates the administrator with `atlas user create`, as a deployment script would, and
    /// returns its new API key.
    ///
    /// `place` (`--data-dir`, `--database-url`) and `environment` must be those the server gets,
    /// so the account lands in its database. Messages go to `logPath`; standard output carries
    /// only the key.
    static func createAdministrator(binary: String, place: [String], environment: [String: String],
                                    logPath: String) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["user", "create", "--username", administrator, "--role", "administrator",
                             "--password-stdin", "--api-key", keyName] + place
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let log = try ChildProcess.openForAppending(logPath)
        defer { try? log.close() }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = log
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: BenchError("cannot run \(binary) user create: \(error)"))
                return
            }
            input.fileHandleForWriting.write(Data((newPassword() + "\n").utf8))
            try? input.fileHandleForWriting.close()
        }
        // One line, far below a pipe's buffer, so reading after the exit cannot have blocked the child.
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let key = printed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == 0, !key.isEmpty, !key.contains("\n") else {
            throw BenchError("atlas user create exited with status \(status) and printed no API key:\n\(ChildProcess.tail(of: logPath))")
        }
        return key
    }
}
