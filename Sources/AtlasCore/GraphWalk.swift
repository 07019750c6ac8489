/// Breadth-first traversal of a graph whose edges are fetched a level at a time.
///
/// Used for dependencies and dependents: each level is one query, cycles are cut by a visited
/// set, and edges whose target does not exist are reported, never dropped.
public enum GraphWalk {
    /// An edge reached during a walk: `target` is nil when the edge points at nothing that exists.
    public struct Step<Node: Hashable & Sendable, Edge: Sendable>: Sendable {
        public var depth: Int
        public var source: Node
        public var edge: Edge
        public var target: Node?
    }

    /// Walks out from `roots`, at most `maxDepth` levels (1 = direct neighbours only).
    /// `expand` returns every edge leaving any of the given nodes as (source, edge, target).
    public static func walk<Node: Hashable & Sendable, Edge: Sendable>(
        from roots: [Node],
        maxDepth: Int,
        expand: ([Node]) async throws -> [(source: Node, edge: Edge, target: Node?)]
    ) async throws -> [Step<Node, Edge>] {
        var visited = Set(roots)
        var frontier = roots
        var steps: [Step<Node, Edge>] = []
        var depth = 0
        while !frontier.isEmpty && depth < maxDepth {
            depth += 1
            var next: [Node] = []
            for (source, edge, target) in try await expand(frontier) {
                steps.append(Step(depth: depth, source: source, edge: edge, target: target))
                if let target, visited.insert(target).inserted { next.append(target) }
            }
            frontier = next
        }
        return steps
    }
}
