extension ComfyUIWorkflow {
    /// Node ids so that every node comes after the nodes it reads from: the order ComfyUI may run
    /// them in. Among nodes that are ready together, lower ids come first, so the order is stable.
    public func dependencyOrder() throws(ComfyUIWorkflowError) -> [String] {
        var waitingOn = nodes.mapValues { $0.upstreamNodeIDs.count }
        var readers: [String: [String]] = [:]
        for (id, node) in nodes {
            for source in node.upstreamNodeIDs { readers[source, default: []].append(id) }
        }
        var ready = waitingOn.filter { $0.value == 0 }.map(\.key).sorted(by: Self.nodeIDOrder)
        var order: [String] = []
        while !ready.isEmpty {
            let id = ready.removeFirst()
            order.append(id)
            for reader in readers[id] ?? [] {
                waitingOn[reader, default: 0] -= 1
                if waitingOn[reader] == 0 { ready.append(reader) }
            }
            ready.sort(by: Self.nodeIDOrder)
        }
        if order.count < nodes.count {
            let looped = waitingOn.filter { $0.value > 0 }.map(\.key).sorted(by: Self.nodeIDOrder)
            throw .cycle(looped)
        }
        return order
    }

    /// The ids of nodes whose class `/object_info` marks as output nodes: the ones ComfyUI runs a prompt for.
    public func outputNodeIDs(in objectInfo: ComfyUIObjectInfo) -> [String] {
        sortedNodeIDs.filter { id in nodes[id].flatMap { objectInfo[$0.classType]?.isOutputNode } == true }
    }
}
