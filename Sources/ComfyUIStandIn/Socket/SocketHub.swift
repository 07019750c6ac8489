import Foundation
import Vapor

/// The server's socket table (`PromptServer.sockets`): who is connected under which client id,
/// their feature flags, which client the running prompt belongs to and its current node (for a
/// client that reconnects mid-run). It delivers the published frames in order, and applies the
/// drop-sockets fault.
actor SocketHub {
    private struct Client {
        let socket: WebSocket
        var featureFlags = JSONObject()
    }

    private var clients: [String: Client] = [:]
    /// Client ids in connection order: the order broadcasts reach them.
    private var order: [String] = []
    private var executingClientID: String?
    private var lastNodeID: String?
    private var framesBeforeDrop: Int?
    private var dropped: Set<ObjectIdentifier> = []
    private let replacementTrap: Bool
    private let serverFeatures: JSON

    init(replacementTrap: Bool, serverFeatures: JSON) {
        self.replacementTrap = replacementTrap
        self.serverFeatures = serverFeatures
    }

    /// Registers a socket under its client id (a new dash-less uuid when none was given),
    /// replacing without closing any older socket with that id. Sends the first `status` frame
    /// and, when this client's prompt is running, `executing` with the current node.
    func connect(_ socket: WebSocket, requestedID: String?, queueRemaining: Int) -> String {
        let clientID = requestedID.flatMap { $0.isEmpty ? nil : $0 }
            ?? UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        order.removeAll { $0 == clientID }
        order.append(clientID)
        clients[clientID] = Client(socket: socket)
        let status: JSON = ["status": ["exec_info": ["queue_remaining": .int(queueRemaining)]], "sid": .string(clientID)]
        Self.send(event: "status", data: status, over: socket)
        if executingClientID == clientID, let lastNodeID {
            Self.send(event: "executing", data: ["node": .string(lastNodeID)], over: socket)
        }
        return clientID
    }

    /// Forgets a closed socket. Python pops the table entry for its id whichever socket it holds
    /// by now, which silences a newer socket with the same id: kept unless the trap is turned off.
    func disconnect(_ clientID: String, socket: WebSocket) {
        // A socket the stand-in dropped itself has left the table already.
        if dropped.remove(ObjectIdentifier(socket)) != nil { return }
        guard replacementTrap || clients[clientID]?.socket === socket else { return }
        clients[clientID] = nil
        order.removeAll { $0 == clientID }
    }

    /// Stores the flags of a client's first `feature_flags` frame and answers with the server's.
    func negotiateFeatures(_ flags: JSON, clientID: String) {
        guard var client = clients[clientID] else { return }
        client.featureFlags = flags.objectValue ?? JSONObject()
        clients[clientID] = client
        Self.send(event: "feature_flags", data: serverFeatures, over: client.socket)
    }

    func supportsPreviewMetadata(clientID: String?) -> Bool {
        guard let clientID, let client = clients[clientID] else { return false }
        return client.featureFlags["supports_preview_metadata"] == .bool(true)
    }

    /// `server.client_id` for the prompt starting now.
    func beginPrompt(clientID: String?) {
        executingClientID = clientID
        lastNodeID = nil
    }

    func setLastNode(_ node: String?) { lastNodeID = node }

    /// Delivers published frames until the publisher finishes.
    func deliver(_ frames: AsyncStream<OutboundFrame>) async {
        for await frame in frames { deliver(frame) }
    }

    private func deliver(_ frame: OutboundFrame) {
        switch frame {
        case .promptStarted(let limit):
            framesBeforeDrop = limit
            return
        case .text(let event, let data, let clientID):
            for socket in targets(clientID) { Self.send(event: event, data: data, over: socket) }
        case .binary(let bytes, let clientID):
            for socket in targets(clientID) { socket.send(bytes, promise: nil) }
        }
        countTowardsDrop()
    }

    private func targets(_ clientID: String?) -> [WebSocket] {
        guard let clientID else { return order.compactMap { clients[$0]?.socket } }
        return clients[clientID].map { [$0.socket] } ?? []
    }

    private func countTowardsDrop() {
        guard let remaining = framesBeforeDrop else { return }
        if remaining > 1 {
            framesBeforeDrop = remaining - 1
        } else {
            framesBeforeDrop = nil
            closeAll()
        }
    }

    /// Closes every socket (the drop fault, going down, shutting down) and forgets them at once,
    /// so no frame follows the close.
    func closeAll() {
        for client in clients.values {
            dropped.insert(ObjectIdentifier(client.socket))
            client.socket.close(code: .goingAway, promise: nil)
        }
        clients = [:]
        order = []
    }

    private static func send(event: String, data: JSON, over socket: WebSocket) {
        socket.send(JSONWriter.write(["type": .string(event), "data": data]), promise: nil)
    }
}
