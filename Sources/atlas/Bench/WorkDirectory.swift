import Foundation

/// The folder one benchmark run works in: generated files, the reference copies and the
/// servers' data, all on one disk so the ingest figure and its reference write to the same place.
struct WorkDirectory: Sendable {
    let path: String

    /// Makes a fresh folder inside `parent` (default: `.build/bench` under the current directory).
    ///
    /// Always a new folder, never `parent` itself, because the whole folder is deleted at the
    /// end and `parent` may hold other things.
    static func make(parent: String?) throws -> WorkDirectory {
        let fileManager = FileManager.default
        let base = parent ?? fileManager.currentDirectoryPath + "/.build/bench"
        let absoluteBase = base.hasPrefix("/") ? base : fileManager.currentDirectoryPath + "/" + base
        let stamp = Int(Date().timeIntervalSince1970)
        let path = URL(fileURLWithPath: absoluteBase).standardizedFileURL.path
            + "/run-\(stamp)-\(ProcessInfo.processInfo.processIdentifier)"
        try fileManager.createDirectory(atPath: path, withIntermediateDirectories: true)
        return WorkDirectory(path: path)
    }

    /// A new, empty folder inside the work dir.
    func folder(_ name: String) throws -> String {
        let folder = path + "/" + name
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    func file(_ name: String) -> String {
        path + "/" + name
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
