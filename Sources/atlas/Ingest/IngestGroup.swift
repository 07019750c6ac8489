import AtlasCore
import Crypto
import Foundation

/// Files that become one asset version: a whole image sequence, a scene or model with the files
/// it references, or one file on its own.
struct IngestGroup: Sendable {
    enum Kind: String, Sendable {
        case sequence
        case withReferences = "with_references"
        case single
    }

    /// One file and where it sits in the version.
    struct Member: Sendable {
        /// The path inside the version: relative to the folder the group's files share, so the
        /// paths the root file names still lead to them.
        var path: String
        var file: TreeFile
    }

    /// The asset's identity within its project: the path in the ingested folder (a sequence by
    /// its pattern, `plates/plate.####.exr`), kept in the asset's metadata as `ingest_source`.
    var source: String
    var name: String
    var type: AssetType
    /// The detected format of the root file (`exr`, `usda`); nil when Atlas does not know it.
    var format: String?
    var kind: Kind
    /// The root file first (the scene, the model, the first frame), then the rest by path.
    var members: [Member]

    var bytes: Int64 { members.reduce(0) { $0 + $1.file.size } }

    /// Changes whenever a member is added, removed, moved, resized or touched: a rerun trusts
    /// its journal only for a group whose fingerprint is unchanged.
    var fingerprint: String {
        var hasher = SHA256()
        for member in members.sorted(by: { $0.path < $1.path }) {
            let file = member.file
            hasher.update(data: Data("\(member.path)\u{0}\(file.relativePath)\u{0}\(file.size)\u{0}\(file.modified)\n".utf8))
        }
        return ContentHash(digest: hasher.finalize()).hex
    }
}
