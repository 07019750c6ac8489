/// Faults a client test can switch on, at start (`StandInOptions.faults`) or while the stand-in
/// runs (`RunningStandIn.updateFaults`). Node rules match a node id or a class type; an id wins.
public struct StandInFaults: Sendable, Hashable {
    /// Extra time nodes take, and the progress frames they send meanwhile.
    public var slowNodes: [String: NodeTiming]
    /// Nodes that start and never finish, even when interrupted, until they leave this set or
    /// the stand-in shuts down: a hung node, as a stuck custom node hangs ComfyUI.
    public var hangingNodes: Set<String>
    /// Closes every WebSocket once this many frames of a prompt were sent (counted from the
    /// prompt's `execution_start`, every prompt while set).
    public var dropSocketsAfterFrames: Int?
    /// Save and preview nodes that succeed without leaving outputs.
    public var missingOutputs: MissingOutputs

    public init(slowNodes: [String: NodeTiming] = [:], hangingNodes: Set<String> = [], dropSocketsAfterFrames: Int? = nil,
                missingOutputs: MissingOutputs = .none) {
        self.slowNodes = slowNodes
        self.hangingNodes = hangingNodes
        self.dropSocketsAfterFrames = dropSocketsAfterFrames
        self.missingOutputs = missingOutputs
    }

    func timing(node id: String, classType: String) -> NodeTiming? { slowNodes[id] ?? slowNodes[classType] }

    func hangs(node id: String, classType: String) -> Bool { hangingNodes.contains(id) || hangingNodes.contains(classType) }
}

/// How long a node takes. With progress steps the node reports `1…steps` of `steps` at equal
/// intervals and an interrupt stops it at the next step; without, it cannot be stopped mid-way,
/// like a ComfyUI node without a progress bar.
public struct NodeTiming: Sendable, Hashable {
    public var duration: Duration
    public var progressSteps: Int

    public init(duration: Duration, progressSteps: Int = 0) {
        self.duration = duration
        self.progressSteps = progressSteps
    }
}

/// Outputs that never appear although the prompt succeeds.
public enum MissingOutputs: Sendable, Hashable {
    case none
    /// Save nodes report file names (in `executed` and history) but write no file: `/view` answers 404.
    case filesNotWritten
    /// Save nodes report nothing: no `executed` frame, and history `outputs` is `{}`.
    case outputsEmpty
}
