/// The programs exports run, how long each may take, and whether they are installed.
public struct ConversionTools: Sendable {
    public var oiiotool = "oiiotool"
    public var assimp = "assimp"
    /// A Python with usd-core (`pip install usd-core`); configured as `ATLAS_PYTHON`.
    public var python = "python3"
    public var timeout: Double = 600

    public init(python: String = "python3") {
        self.python = python
    }

    public func executable(for tool: ConversionTool) -> String {
        switch tool {
        case .oiiotool: oiiotool
        case .assimp: assimp
        case .usdCore: python
        }
    }

    /// Nil when `tool` can run here; else why not. For usd-core this imports `pxr`, which takes
    /// a moment: a Python without usd-core is as missing as no Python.
    public func problem(with tool: ConversionTool) async -> ConversionProblem? {
        let executable = executable(for: tool)
        guard ToolRunner.locate(executable) != nil else {
            let package = switch tool {
            case .oiiotool: "Debian openimageio-tools"
            case .assimp: "Debian assimp-utils"
            case .usdCore: "a Python 3 with usd-core (set ATLAS_PYTHON)"
            }
            return .toolMissing("\(executable) is not installed (install \(package))")
        }
        guard tool == .usdCore else { return nil }
        do {
            _ = try await ToolRunner.run(ToolCommand(executable, ["-c", "import pxr"], timeout: 60))
            return nil
        } catch {
            return .toolMissing("usd-core is not installed for \(executable) (pip install usd-core)")
        }
    }
}
