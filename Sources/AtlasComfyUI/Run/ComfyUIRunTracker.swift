import AtlasCore

/// The state of one prompt as its WebSocket frames tell it: which nodes are done, which runs,
/// what the output nodes produced, and how it ended. Frames about other prompts are ignored.
struct ComfyUIRunTracker: Sendable {
    /// How a prompt ended, as far as the frames say.
    enum Ending: Sendable, Equatable {
        case succeeded
        case failed(ComfyUIExecutionError)
        case interrupted(ComfyUIInterruption)
        /// `executing {node: null}` without an earlier outcome frame: ask `/api/jobs` how it ended.
        case over
    }

    let promptID: String
    let nodeIDs: Set<String>
    private(set) var ending: Ending?
    private(set) var outputs: [String: JSONValue] = [:]
    private(set) var cachedNodes: [String] = []
    private var done: Set<String> = []
    private var current: (node: String, value: Double?, max: Double?)?

    init(promptID: String, nodeIDs: some Sequence<String>) {
        self.promptID = promptID
        self.nodeIDs = Set(nodeIDs)
    }

    var progress: ComfyUIProgress {
        let total = nodeIDs.isEmpty ? max(done.count, 1) : nodeIDs.count
        let finished = nodeIDs.isEmpty ? done.count : done.intersection(nodeIDs).count
        let running = current.flatMap { done.contains($0.node) ? nil : $0 }
        return ComfyUIProgress(promptID: promptID, node: running?.node, nodeValue: running?.value, nodeMax: running?.max,
                               nodesDone: finished, nodesTotal: total)
    }

    /// Every file the output nodes listed in `executed` frames.
    var files: [ComfyUIOutputFile] {
        ComfyUIOutputFile.files(outputs: outputs)
    }

    /// Applies one frame; true when it was about this prompt.
    @discardableResult
    mutating func apply(_ message: ComfyUIMessage) -> Bool {
        guard message.promptID == promptID else { return false }
        switch message {
        case .executionCached(_, let nodes):
            cachedNodes = nodes
            done.formUnion(nodes)
        case .executing(_, let node?):
            // A node starting means the one before it finished; progress_state may have named this one already.
            if let previous = current?.node, previous != node { done.insert(previous) }
            current = (node, nil, nil)
        case .executing(_, nil):
            if ending == nil { ending = .over }
        case .progress(_, let node?, let value, let max):
            current = (node, value, max)
        case .progressState(_, let nodes):
            applySnapshot(nodes)
        case .executed(_, let node, let output):
            outputs[node] = output
            done.insert(node)
        case .executionSuccess:
            done.formUnion(nodeIDs)
            ending = .succeeded
        case .executionError(let error):
            ending = .failed(error)
        case .executionInterrupted(let interruption):
            ending = .interrupted(interruption)
        default: break
        }
        return true
    }

    private mutating func applySnapshot(_ nodes: [String: ComfyUINodeProgress]) {
        for (node, state) in nodes {
            if state.isFinished {
                done.insert(node)
            } else if current.map({ $0.node == node || done.contains($0.node) }) ?? true {
                current = (node, state.value, state.max)
            }
        }
    }
}
