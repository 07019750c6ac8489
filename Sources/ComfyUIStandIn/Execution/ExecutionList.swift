/// ComfyUI's `ExecutionList`: the nodes an output needs (cached ones left out), run in dependency
/// order and, among the ready ones, output nodes first and then the nodes that feed them, so a
/// preview shows as soon as it can. This is why `03-run-scale-blur-sharpen` runs `1, 2, 6, 3, 4, 5`.
struct ExecutionList {
    private let prompt: JSONObject
    private let cached: Set<String>
    private let isOutput: (String) -> Bool
    private var pending: [String] = []
    private var blockCount: [String: Int] = [:]
    private var blocking: [String: [String]] = [:]

    init(prompt: JSONObject, cached: Set<String>, isOutput: @escaping (String) -> Bool) {
        self.prompt = prompt
        self.cached = cached
        self.isOutput = isOutput
    }

    var isEmpty: Bool { pending.isEmpty }
    var firstPending: String? { pending.first }

    /// Adds a node and, depth first as Python's stack walks them, the uncached nodes it needs.
    mutating func add(_ node: String) {
        var stack = [node]
        var links: [(from: String, to: String)] = []
        while let current = stack.popLast() {
            guard blockCount[current] == nil else { continue }
            pending.append(current)
            blockCount[current] = 0
            blocking[current] = []
            for (_, value) in prompt[current]?["inputs"]?.objectValue ?? JSONObject() where value.isLink {
                let source = value.arrayValue![0].stringValue!
                if !cached.contains(source) { stack.append(source) }
                links.append((source, current))
            }
        }
        for link in links where !cached.contains(link.from) {
            add(link.from)
            if !blocking[link.from, default: []].contains(link.to) {
                blocking[link.from, default: []].append(link.to)
                blockCount[link.to, default: 0] += 1
            }
        }
    }

    /// The next node to run; nil when nothing is ready (empty, or a dependency cycle).
    func next() -> String? {
        let ready = pending.filter { blockCount[$0] == 0 }
        if let output = ready.first(where: isOutput) { return output }
        if let feeder = ready.first(where: { blocking[$0, default: []].contains(where: isOutput) }) { return feeder }
        let secondHand = ready.first { node in
            blocking[node, default: []].contains { blocked in blocking[blocked, default: []].contains(where: isOutput) }
        }
        return secondHand ?? ready.first
    }

    mutating func complete(_ node: String) {
        pending.removeAll { $0 == node }
        for blocked in blocking[node] ?? [] { blockCount[blocked, default: 0] -= 1 }
        blocking[node] = nil
    }
}
