import Foundation

/// Something for the WebSocket clients: a text frame `{"type", "data"}` or a binary frame, for
/// one client id or (nil) for all; or the mark that a prompt starts, from which frames count
/// towards the drop-sockets fault.
enum OutboundFrame: Sendable {
    case text(event: String, data: JSON, clientID: String?)
    case binary(Data, clientID: String?)
    case promptStarted(dropSocketsAfter: Int?)
}
