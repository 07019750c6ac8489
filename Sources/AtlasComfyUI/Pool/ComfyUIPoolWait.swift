import Foundation

/// Why no server can take a run now. A state to wait in and show, not a failure.
public enum ComfyUIPoolWait: Sendable, Equatable, CustomStringConvertible {
    /// Servers are up, but each holds as many Atlas runs as its limit allows.
    case allBusy(servers: Int)
    /// No server is up (or none is configured): the reasons by server.
    case noServerAvailable(reasons: [URL: String])

    public var description: String {
        switch self {
        case .allBusy(let count): "waiting for a free ComfyUI server (all \(count) busy)"
        case .noServerAvailable(let reasons) where reasons.isEmpty: "waiting for a ComfyUI server: none is configured"
        case .noServerAvailable(let reasons):
            "waiting for a ComfyUI server: " + reasons.sorted { $0.key.absoluteString < $1.key.absoluteString }
                .map { "\($0.key.absoluteString) is down (\($0.value))" }.joined(separator: "; ")
        }
    }
}
