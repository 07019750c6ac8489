import Foundation

/// Runs the real tools that make test fixtures (`oiiotool`, `assimp`), failing with the package
/// to install when one is missing (CI installs them with scripts/format-tools).
public enum ExternalTool {
    /// Runs `oiiotool arguments…` and waits for it.
    public static func oiiotool(_ arguments: [String]) throws {
        try run("oiiotool", arguments, package: "openimageio-tools")
    }

    public static func run(_ tool: String, _ arguments: [String], package: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError("\(tool) failed (install Debian \(package); scripts/format-tools does): \(arguments)")
        }
    }
}
