/// One regular file found under the folder being ingested.
struct TreeFile: Sendable, Hashable {
    /// The path relative to the folder, `/`-separated (`plates/plate.1001.exr`).
    var relativePath: String
    /// Where to read it.
    var absolutePath: String
    var size: Int64
    /// Modification time in nanoseconds since 1970: with the size, how a rerun recognises a file
    /// it already ingested without reading it again.
    var modified: Int64

    /// The last path component.
    var fileName: String {
        relativePath.split(separator: "/").last.map(String.init) ?? relativePath
    }

    /// The folder part of `relativePath` (empty for files at the top).
    var folder: String {
        guard let slash = relativePath.lastIndex(of: "/") else { return "" }
        return String(relativePath[..<slash])
    }
}
