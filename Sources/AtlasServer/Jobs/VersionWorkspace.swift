import AtlasCore
import AtlasFormats
import AtlasStorage
import Foundation

/// A version's files laid out for external tools (a `ToolWorkspace` of links to the stored
/// content at their paths in the version, so tools see the names and relative references the
/// files were made with), and an empty folder for what the tools make. `remove()` deletes both
/// folders, never the content.
struct VersionWorkspace: Sendable {
    let files: ToolWorkspace
    /// An empty folder for what the tools make.
    let output: URL
    /// The files linked, by path in the version. A file whose content is missing from the store,
    /// or whose path would leave the folder, is left out.
    let links: [String: URL]

    init(_ version: AssetVersion, blobs: any BlobStore) throws {
        let entries = version.files.compactMap { file in
            blobs.filePath(for: file.sha256).map { (name: file.path, url: URL(fileURLWithPath: $0)) }
        }
        let files = try ToolWorkspace(entries: entries)
        self.files = files
        links = Dictionary(entries.compactMap { entry in files.url(for: entry.name).map { (entry.name, $0) } }) { first, _ in first }
        output = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-output-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    }

    /// Every linked file, read natively for what it is.
    func inspectedFiles() -> [InspectedFile] {
        links.sorted { $0.key < $1.key }.map { InspectedFile.inspecting(name: $0.key, url: $0.value) }
    }

    /// Where the version's files are, to be written out of reasons shown to people.
    var folders: [String] { [files.root.path, files.root.standardizedFileURL.path] }

    func remove() {
        files.remove()
        try? FileManager.default.removeItem(at: output)
    }
}
