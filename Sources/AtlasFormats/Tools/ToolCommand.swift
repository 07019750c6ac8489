import Foundation

/// One run of an external tool (oiiotool, assimp, a usd-core or MaterialX worker script):
/// what to run and the fences it runs inside. A tool reads files that users uploaded, so it
/// gets a timeout, a memory cap, an empty working directory and a clean environment.
public struct ToolCommand: Sendable, Hashable {
    /// The program: a bare name looked up on `PATH`, or a path.
    public var executable: String
    public var arguments: [String]
    /// Seconds before the tool is stopped (SIGTERM, then SIGKILL a second later) and reported as hung.
    public var timeout: Double
    /// Address-space cap in bytes (RLIMIT_AS, where the system supports it), so a file declaring
    /// a huge image fails inside the tool instead of exhausting the server.
    public var memoryLimit: Int
    /// Most bytes of standard output kept; the rest is read and dropped so the tool never blocks.
    public var maxOutputBytes: Int
    /// Extra environment variables; the tool otherwise sees only `PATH`, `HOME` and `LANG`.
    public var environment: [String: String]

    public init(_ executable: String, _ arguments: [String], timeout: Double = 120, memoryLimit: Int = 4 << 30,
                maxOutputBytes: Int = 16 << 20, environment: [String: String] = [:]) {
        self.executable = executable
        self.arguments = arguments
        self.timeout = timeout
        self.memoryLimit = memoryLimit
        self.maxOutputBytes = maxOutputBytes
        self.environment = environment
    }
}

/// What a tool printed and how it ended.
public struct ToolOutput: Sendable, Hashable {
    public var status: Int32
    public var standardOutput: Data
    /// The last part of standard error, for the reason shown to the user.
    public var standardError: String

    public var text: String { String(decoding: standardOutput, as: UTF8.self) }
}

/// Why a tool gave no usable output.
public enum ToolFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The program is not installed (not on `PATH`).
    case notInstalled(String)
    /// It ran past its timeout and was killed.
    case timedOut(String, seconds: Double)
    /// It ended with a non-zero status or a signal.
    case failed(String, status: Int32, message: String)
    /// It could not be started at all.
    case launchFailed(String, message: String)

    public var description: String {
        switch self {
        case .notInstalled(let tool): "\(tool) is not installed"
        case .timedOut(let tool, let seconds): "\(tool) did not finish within \(Int(seconds)) s and was stopped"
        case .failed(let tool, let status, let message):
            "\(tool) failed (exit \(status))" + (message.isEmpty ? "" : ": \(message)")
        case .launchFailed(let tool, let message): "\(tool) could not be started: \(message)"
        }
    }
}
