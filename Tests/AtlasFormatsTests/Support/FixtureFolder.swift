import Foundation

/// A temporary folder for one test's fixtures, removed when the test ends.
final class FixtureFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: file(name))) }

    func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: file(name))
    }

    /// Makes a fixture with `oiiotool <arguments> -o name` and returns its bytes.
    @discardableResult
    func oiiotool(_ arguments: [String], output name: String) throws -> [UInt8] {
        try ExternalTool.oiiotool.run(arguments + ["-o", path(name)])
        return try bytes(name)
    }
}
