import AtlasCore
import Foundation

/// A file that another file names: a texture, a sublayer, a reference or payload, a material
/// library, a buffer. Read from the file, never opened: resolving it against the asset's other
/// files and the library is the server's job.
public struct FileReference: Sendable, Hashable {
    /// The path as written in the file (`textures/albedo.<UDIM>.exr`, `../shared/lib.usda`).
    public var path: String
    /// What kind of reference it is, in the file format's own terms: `texture`, `sublayer`,
    /// `reference`, `payload`, `material_library`, `buffer`, `image`.
    public var kind: String
    /// True when the path is absolute or climbs out of the asset's folder (`../../etc/passwd`):
    /// such a path is never opened, and the reference is flagged.
    public var escapes: Bool

    public init(path: String, kind: String) {
        self.path = path
        self.kind = kind
        escapes = Self.escapes(path)
    }

    public var json: JSONValue {
        .object(["path": .string(path), "kind": .string(kind), "escapes": .bool(escapes)])
    }

    /// Whether `path`, taken relative to the referring file's folder, leaves that folder: an
    /// absolute path (`/`, `\`, a drive letter, a URL scheme) or more `..` than folders before them.
    public static func escapes(_ path: String) -> Bool {
        let unified = path.replacingOccurrences(of: "\\", with: "/")
        if unified.hasPrefix("/") || unified.hasPrefix("~") { return true }
        if unified.count >= 2, unified.dropFirst().first == ":" { return true }  // C:/…
        if unified.contains("://") { return true }
        var depth = 0
        for part in unified.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": depth -= 1
            default: depth += 1
            }
            if depth < 0 { return true }
        }
        return false
    }

    /// The issue that flags an escaping reference.
    public var escapeIssue: FormatIssue? {
        escapes ? .warning(.pathEscapesAsset, "'\(path)' (\(kind)) points outside the asset; it is not opened") : nil
    }
}
