import Foundation

/// Which server takes the next run: the least loaded one that is up and under its limit; on equal
/// load, the one that ran the same workflow last (its cache is warm), then the earliest configured.
enum ComfyUIServerChoice {
    static func best(among servers: [ComfyUIServerStatus], workflow: String?) -> URL? {
        let candidates = servers.enumerated().filter { $0.element.canTakeRun }
        let best = candidates.min { lhs, rhs in
            key(lhs.element, lhs.offset, workflow).lexicographicallyPrecedes(key(rhs.element, rhs.offset, workflow))
        }
        return best?.element.url
    }

    private static func key(_ server: ComfyUIServerStatus, _ order: Int, _ workflow: String?) -> [Int] {
        let warm = workflow != nil && server.lastWorkflow == workflow
        return [server.load, warm ? 0 : 1, order]
    }
}
