import Foundation

/// A command-line tool the tests make fixtures with or compare against. A missing tool fails the test
/// with the package to install (CI installs them through scripts/format-tools); it never skips.
struct ExternalTool: Sendable {
    let name: String
    /// Where the tool comes from, as said in the failure message.
    let package: String

    static let oiiotool = ExternalTool(name: "oiiotool", package: "the Debian package openimageio-tools (brew: openimageio)")
    static let exrheader = ExternalTool(name: "exrheader", package: "the Debian package openexr (brew: openexr)")
    /// The venv's Python, which has the PyPI packages OpenEXR and numpy.
    static let python = ExternalTool(name: "python", package: "the PyPI package OpenEXR in .build/venv")

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    /// The repository root, found from this file's location, for .build/venv.
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    /// The tool's path: the venv for Python, otherwise PATH.
    func locate() throws -> URL {
        if name == "python" {
            let venv = Self.repositoryRoot.appendingPathComponent(".build/venv/bin/python")
            let probe = try? Self.execute(venv, ["-c", "import OpenEXR, numpy"], timeout: 60)
            guard FileManager.default.isExecutableFile(atPath: venv.path), probe?.status == 0 else {
                throw Missing(description: "Python with OpenEXR and numpy not found in .build/venv: run scripts/format-tools, "
                    + "which installs \(package)")
            }
            return venv
        }
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for directory in paths {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing(description: "\(name) not found on PATH: install \(package), or run scripts/format-tools")
    }

    /// Runs the tool and returns its standard output; a non-zero exit fails unless `allowFailure`.
    @discardableResult
    func run(_ arguments: [String], in directory: URL? = nil, allowFailure: Bool = false,
             timeout: TimeInterval = 120) throws -> (status: Int32, output: String) {
        let result = try Self.execute(try locate(), arguments, directory: directory, timeout: timeout)
        if result.status != 0, !allowFailure {
            throw Failed(description: "\(name) \(arguments.joined(separator: " ")) exited \(result.status): \(result.output)")
        }
        return result
    }

    /// Runs a Python script with the venv's interpreter.
    @discardableResult
    static func python(_ script: String, in directory: URL) throws -> String {
        try ExternalTool.python.run(["-c", script], in: directory).output
    }

    private static func execute(_ executable: URL, _ arguments: [String], directory: URL? = nil,
                                timeout: TimeInterval) throws -> (status: Int32, output: String) {
        // Output goes to a file rather than a pipe, so a chatty tool can never block on a full pipe.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-tool-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failed(description: "\(executable.lastPathComponent) did not finish within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return (process.terminationStatus, output)
    }
}
