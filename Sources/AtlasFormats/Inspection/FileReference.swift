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

    /// Whether `path` leaves the referring file's folder (the library's one rule for it).
    public static func escapes(_ path: String) -> Bool {
        ReferenceResolver.escapes(path)
    }

    /// The issue that flags an escaping reference.
    public var escapeIssue: FormatIssue? {
        escapes ? .warning(.pathEscapesAsset, "'\(path)' (\(kind)) points outside the asset; it is not opened") : nil
    }
}
