import Foundation
import Testing
import AtlasCore

/// A graph given as source → [target] (nil for a missing target), with a record of what was expanded.
private final class Graph: @unchecked Sendable {
    let edges: [String: [String?]]
    private(set) var expansions: [[String]] = []

    init(_ edges: [String: [String?]]) { self.edges = edges }

    func expand(_ nodes: [String]) -> [(source: String, edge: String, target: String?)] {
        expansions.append(nodes)
        return nodes.flatMap { source in
            (edges[source] ?? []).map { target in (source: source, edge: "\(source)->\(target ?? "?")", target: target) }
        }
    }

    /// Walks and describes each step as `depth:source->target`.
    func walk(from roots: [String], maxDepth: Int) async throws -> [String] {
        let steps = try await GraphWalk.walk(from: roots, maxDepth: maxDepth) { (nodes: [String]) in
            self.expand(nodes)
        }
        for step in steps {
            #expect(step.edge == "\(step.source)->\(step.target ?? "?")")
        }
        return steps.map { "\($0.depth):\($0.source)->\($0.target ?? "?")" }
    }
}

private struct ExpandFailed: Error {}

@Suite("GraphWalk")
struct GraphWalkTests {
    @Test("A linear chain is numbered by depth from the root")
    func linearChain() async throws {
        let graph = Graph(["a": ["b"], "b": ["c"], "c": ["d"]])
        #expect(try await graph.walk(from: ["a"], maxDepth: 10) == ["1:a->b", "2:b->c", "3:c->d"])
        #expect(graph.expansions == [["a"], ["b"], ["c"], ["d"]])
    }

    @Test("A cycle terminates and reports each edge once")
    func cycle() async throws {
        let graph = Graph(["a": ["b"], "b": ["c"], "c": ["a"]])
        #expect(try await graph.walk(from: ["a"], maxDepth: 100) == ["1:a->b", "2:b->c", "3:c->a"])
        #expect(graph.expansions == [["a"], ["b"], ["c"]])
    }

    @Test("A self-loop is reported once and not followed")
    func selfLoop() async throws {
        let graph = Graph(["a": ["a", "b"]])
        #expect(try await graph.walk(from: ["a"], maxDepth: 100) == ["1:a->a", "1:a->b"])
    }

    @Test("A cycle away from the root also terminates")
    func innerCycle() async throws {
        let graph = Graph(["a": ["b"], "b": ["c"], "c": ["b"]])
        #expect(try await graph.walk(from: ["a"], maxDepth: 100) == ["1:a->b", "2:b->c", "3:c->b"])
    }

    @Test("maxDepth cuts the walk at that many levels", arguments: [0, 1, 2, 3])
    func maxDepth(depth: Int) async throws {
        let graph = Graph(["a": ["b"], "b": ["c"], "c": ["d"], "d": ["e"]])
        let all = ["1:a->b", "2:b->c", "3:c->d", "4:d->e"]
        #expect(try await graph.walk(from: ["a"], maxDepth: depth) == Array(all.prefix(depth)))
        #expect(graph.expansions.count == depth)
    }

    @Test("Missing targets are reported and not expanded")
    func missingTargets() async throws {
        let graph = Graph(["a": [nil, "b"], "b": [nil]])
        #expect(try await graph.walk(from: ["a"], maxDepth: 10) == ["1:a->?", "1:a->b", "2:b->?"])
        #expect(graph.expansions == [["a"], ["b"]])
    }

    @Test("In a diamond both edges into the shared node are reported but it is visited once")
    func diamond() async throws {
        let graph = Graph(["a": ["b", "c"], "b": ["d"], "c": ["d"], "d": ["e"]])
        #expect(try await graph.walk(from: ["a"], maxDepth: 10)
            == ["1:a->b", "1:a->c", "2:b->d", "2:c->d", "3:d->e"])
        #expect(graph.expansions == [["a"], ["b", "c"], ["d"], ["e"]])
    }

    @Test("Several roots are walked together and never revisited")
    func severalRoots() async throws {
        let graph = Graph(["a": ["c"], "b": ["a"], "c": []])
        #expect(try await graph.walk(from: ["a", "b"], maxDepth: 10) == ["1:a->c", "1:b->a"])
        #expect(graph.expansions == [["a", "b"], ["c"]])
    }

    @Test("A node without edges gives no steps")
    func noEdges() async throws {
        let graph = Graph([:])
        #expect(try await graph.walk(from: ["a"], maxDepth: 5) == [])
        #expect(graph.expansions == [["a"]])
    }

    @Test("No roots give no steps and no expansion")
    func noRoots() async throws {
        let graph = Graph(["a": ["b"]])
        #expect(try await graph.walk(from: [], maxDepth: 5) == [])
        #expect(graph.expansions.isEmpty)
    }

    @Test("An error from expand ends the walk with that error")
    func expandThrows() async {
        await #expect(throws: ExpandFailed.self) {
            _ = try await GraphWalk.walk(from: ["a"], maxDepth: 3) { (_: [String]) -> [(source: String, edge: Int, target: String?)] in
                throw ExpandFailed()
            }
        }
    }
}
