/// Where one Atlas job keeps its files on a ComfyUI server: inputs are uploaded to the subfolder
/// `atlas/<job-id>` and every save node writes under `atlas/<job-id>/<node-id>`. Concurrent jobs
/// never collide, clean-up is one folder, and because the prefix is new for every job ComfyUI's
/// cache never hands back another job's file (PROTOCOL §6, §13).
public struct ComfyUIJobFolder: Sendable, Hashable {
    /// `atlas/<job-id>`: the upload subfolder and the start of every output prefix.
    public let path: String

    /// Characters other than letters, digits, `-` and `_` are replaced, so an id can never leave the folder.
    public init(jobID: String) {
        self.path = "atlas/" + Self.safe(jobID)
    }

    /// The `filename_prefix` for a save node.
    public func outputPrefix(node: String) -> String {
        path + "/" + Self.safe(node)
    }

    private static func safe(_ part: String) -> String {
        let kept = part.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                ? Character(scalar) : "_"
        }
        return kept.isEmpty ? "_" : String(kept)
    }
}
