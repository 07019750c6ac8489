import AtlasCore
import Foundation

/// An event as a client receives it: `{"type", "topic", "seq", "at", "client_id", "data"}`.
struct EventMessage: Encodable, Sendable {
    var type: String
    var topic: String?
    var seq: Int64
    var at: Date
    @Nullable var clientID: String?
    var data: JSONValue

    enum CodingKeys: String, CodingKey {
        case type, topic, seq, at, data
        case clientID = "client_id"
    }

    init(_ event: AtlasEvent, topic: EventTopic?) {
        type = event.type
        self.topic = topic?.description
        seq = event.seq
        at = event.at
        clientID = event.clientID
        data = event.data
    }

    var text: String { JSONCoding.text(self) }
}
