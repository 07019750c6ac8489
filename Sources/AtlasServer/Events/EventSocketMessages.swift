import AtlasCore
import Foundation

/// What a live-events client sends: `{"type": "subscribe" | "unsubscribe", "topics": [...], "id": "..."}`
/// or `{"type": "ping"}`. `id` is the client's own, echoed on the reply.
struct EventClientMessage: Decodable, Sendable {
    var type: String
    var topics: [String]?
    var id: String?
}

/// What the server sends besides events: the greeting, replies, errors and `resync`.
struct EventControlMessage: Encodable, Sendable {
    var type: String
    var id: String? = nil
    var topics: [String]? = nil
    var topic: String? = nil
    var code: String? = nil
    var detail: String? = nil
    /// `welcome`: the newest event number; `resync`: the last number delivered before events were dropped.
    var seq: Int64? = nil
    var pingInterval: Int? = nil

    enum CodingKeys: String, CodingKey {
        case type, id, topics, topic, code, detail, seq
        case pingInterval = "ping_interval"
    }

    var text: String { JSONCoding.text(self) }

    static func welcome(seq: Int64, pingInterval: Int) -> EventControlMessage {
        EventControlMessage(type: "welcome", seq: seq, pingInterval: pingInterval)
    }

    static func error(_ error: AtlasError, topic: String? = nil, id: String? = nil) -> EventControlMessage {
        EventControlMessage(type: "error", id: id, topic: topic, code: error.code, detail: error.detail)
    }

    static func resync(after seq: Int64) -> EventControlMessage {
        EventControlMessage(type: "resync", code: "events_dropped",
                            detail: "This connection fell behind and events were dropped. Replay GET /api/v1/events?after=\(seq), or reload what you show.",
                            seq: seq)
    }
}
