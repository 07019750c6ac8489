import Foundation

/// Runs the real tools that make test fixtures (`oiiotool`, `assimp`), failing with the package
/// to install when one is missing (CI installs them with scripts/format-tools).
public enum ExternalTool {
    /// Runs `oiiotool arguments…` and waits for it.
    public static func oiiotool(_ arguments: [String]) throws {
        try run("oiiotool", arguments, package: "openimageio-tools")
    }

    /// Runs `tool arguments…` and answers what it printed (standard output and error together).
    @discardableResult
    public static func run(_ tool: String, _ arguments: [String], package: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError("\(tool) failed (install Debian \(package); scripts/format-tools does): \(arguments)\n\(output)")
        }
        return output
    }
}
