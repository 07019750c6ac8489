import Foundation

/// What a live-events client subscribes to: one object, a project, or a whole stream.
///
/// Written as text on the wire: `job:<id>`, `asset:<id>`, `project:<id>`, `batch:<id>`, `jobs`.
public enum EventTopic: Hashable, Sendable, CustomStringConvertible {
    case job(UUID)
    case asset(UUID)
    case project(UUID)
    case batch(UUID)
    /// Every job the client may see.
    case jobs

    /// Reads a topic, or explains why it is not one.
    public static func parse(_ text: String) throws(AtlasError) -> EventTopic {
        if text == "jobs" { return .jobs }
        guard let colon = text.firstIndex(of: ":") else {
            throw AtlasError.badRequest("unknown_topic", "'\(text.prefix(80))' is not a topic. Topics are jobs, job:<id>, batch:<id>, asset:<id> and project:<id>.")
        }
        let kind = text[..<colon], rest = String(text[text.index(after: colon)...])
        guard let id = UUID(uuidString: rest) else {
            throw AtlasError.badRequest("unknown_topic", "'\(text.prefix(80))' does not name an object: after '\(kind):' comes a UUID.")
        }
        switch kind {
        case "job": return .job(id)
        case "asset": return .asset(id)
        case "project": return .project(id)
        case "batch": return .batch(id)
        default:
            throw AtlasError.badRequest("unknown_topic", "'\(kind)' is not a kind of topic. Topics are jobs, job:<id>, batch:<id>, asset:<id> and project:<id>.")
        }
    }

    public var description: String {
        switch self {
        case .job(let id): "job:\(id.uuidString.lowercased())"
        case .asset(let id): "asset:\(id.uuidString.lowercased())"
        case .project(let id): "project:\(id.uuidString.lowercased())"
        case .batch(let id): "batch:\(id.uuidString.lowercased())"
        case .jobs: "jobs"
        }
    }
}
