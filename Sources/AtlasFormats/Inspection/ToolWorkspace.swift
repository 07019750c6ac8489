import Foundation

/// A temporary folder that lays out files stored under other names (content-addressed blobs) at
/// their logical paths, as symbolic links, so a tool sees `shot.usda` beside `textures/wood.png` as
/// the version holds them: tools pick readers by extension and resolve references by path. The
/// folder is the asset root the tools are fenced in; it is removed by `remove()`.
public struct ToolWorkspace: Sendable {
    public let root: URL

    /// Links each entry at its name; names that are absolute or climb out are left out.
    public init(entries: [(name: String, url: URL)]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-inspect-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for entry in entries {
            guard let link = url(for: entry.name) else { continue }
            try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: link)
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: entry.url)
        }
    }

    /// Where the file named `name` lies in the workspace; nil for a name that would leave it.
    public func url(for name: String) -> URL? {
        guard !name.isEmpty, !FileReference.escapes(name) else { return nil }
        return root.appendingPathComponent(name.replacingOccurrences(of: "\\", with: "/")).standardizedFileURL
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
