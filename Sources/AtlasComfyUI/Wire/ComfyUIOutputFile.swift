import AtlasCore

/// A file an output node produced, from `executed.output` or `outputs[node]` of history and jobs.
public struct ComfyUIOutputFile: Sendable, Hashable, Codable {
    /// The output node that produced it.
    public var node: String
    /// The list it came in: `images` for image nodes; `gifs`, `videos`, `audio` or a custom key for others.
    public var key: String
    public var file: ComfyUIFileReference

    public init(node: String, key: String, file: ComfyUIFileReference) {
        self.node = node
        self.key = key
        self.file = file
    }

    /// Every file of one node's output: items with a `filename` under every key, not only `images`
    /// (PROTOCOL §6). Other items (text, flags) are not files and are left out.
    public static func files(node: String, output: JSONValue) -> [ComfyUIOutputFile] {
        guard case .object(let lists) = output else { return [] }
        return lists.keys.sorted().flatMap { key -> [ComfyUIOutputFile] in
            guard case .array(let items)? = lists[key] else { return [] }
            return items.compactMap { item in file(in: item).map { ComfyUIOutputFile(node: node, key: key, file: $0) } }
        }
    }

    /// Every file of an `outputs` object (node id → output).
    public static func files(outputs: [String: JSONValue]) -> [ComfyUIOutputFile] {
        outputs.keys.sorted(by: ComfyUIWorkflow.nodeIDOrder).flatMap { files(node: $0, output: outputs[$0] ?? .null) }
    }

    private static func file(in item: JSONValue) -> ComfyUIFileReference? {
        guard case .object(let fields) = item, let filename = fields["filename"]?.text else { return nil }
        return ComfyUIFileReference(filename: filename, subfolder: fields["subfolder"]?.text ?? "", type: fields["type"]?.text ?? "output")
    }
}
