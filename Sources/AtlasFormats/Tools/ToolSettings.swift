/// The external tools the second inspection pass runs and the fences each run gets. The server
/// fills it from its configuration (`ATLAS_PYTHON`, `ATLAS_TOOL_TIMEOUT_SECONDS`); AtlasFormats
/// reads no environment itself.
public struct ToolSettings: Sendable, Hashable {
    /// The Python interpreter with usd-core (and MaterialX) installed: a name on `PATH` or a path.
    public var python: String
    /// The assimp command-line tool (Debian `assimp-utils`).
    public var assimp: String
    /// Seconds before one tool run is stopped and reported as `tool_timed_out`.
    public var timeout: Double
    /// Address-space cap of one tool run, in bytes.
    public var memoryLimit: Int

    public init(python: String = "python3", assimp: String = "assimp", timeout: Double = 120, memoryLimit: Int = 4 << 30) {
        self.python = python
        self.assimp = assimp
        self.timeout = timeout
        self.memoryLimit = memoryLimit
    }

    /// A command for `executable` with these fences.
    func command(_ executable: String, _ arguments: [String], maxOutputBytes: Int = 16 << 20) -> ToolCommand {
        ToolCommand(executable, arguments, timeout: timeout, memoryLimit: memoryLimit, maxOutputBytes: maxOutputBytes)
    }
}
