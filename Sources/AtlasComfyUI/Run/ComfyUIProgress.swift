/// How far a prompt has come, for people watching the job.
public struct ComfyUIProgress: Sendable, Equatable {
    public var promptID: String
    /// The node running now, if known.
    public var node: String?
    /// Progress inside that node (`progress` frames: sampler steps, frames saved), if it reports any.
    public var nodeValue: Double?
    public var nodeMax: Double?
    /// Nodes finished or served from cache, out of the prompt's nodes.
    public var nodesDone: Int
    public var nodesTotal: Int

    public init(promptID: String, node: String? = nil, nodeValue: Double? = nil, nodeMax: Double? = nil,
                nodesDone: Int = 0, nodesTotal: Int) {
        self.promptID = promptID
        self.node = node
        self.nodeValue = nodeValue
        self.nodeMax = nodeMax
        self.nodesDone = nodesDone
        self.nodesTotal = nodesTotal
    }

    /// An overall estimate from 0 to 1: nodes done, plus the running node's own share. Nodes are
    /// counted alike, so a long sampler moves it as much as a quick resize; it is an estimate.
    public var fraction: Double {
        guard nodesTotal > 0 else { return 0 }
        var partial = 0.0
        if node != nil, let value = nodeValue, let max = nodeMax, max > 0 { partial = min(1, value / max) }
        return min(1, (Double(nodesDone) + partial) / Double(nodesTotal))
    }
}
