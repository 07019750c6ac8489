/// A prompt that finished successfully, and the files its output nodes listed.
public struct ComfyUIRunResult: Sendable, Equatable {
    public var promptID: String
    /// Every file of every output node: saved results (`type == "output"`) and previews (`temp`).
    public var files: [ComfyUIOutputFile]
    /// Nodes ComfyUI served from its cache instead of running.
    public var cachedNodes: [String]
    /// The end was learned from `/api/jobs/{id}` because the WebSocket missed it.
    public var reconciled: Bool

    public init(promptID: String, files: [ComfyUIOutputFile], cachedNodes: [String] = [], reconciled: Bool = false) {
        self.promptID = promptID
        self.files = files
        self.cachedNodes = cachedNodes
        self.reconciled = reconciled
    }

    /// Saved results, to fetch with `ComfyUIClient.view`.
    public var outputs: [ComfyUIOutputFile] { files.filter(\.file.isOutput) }
    /// Preview files, which the server wipes when it restarts.
    public var previews: [ComfyUIOutputFile] { files.filter { !$0.file.isOutput } }

    /// The files of one output node.
    public func files(node: String) -> [ComfyUIOutputFile] {
        files.filter { $0.node == node }
    }
}
