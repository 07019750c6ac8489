import AtlasCore
import Vapor

/// `Atlas-Client-Id`: a name a client (a DCC panel, a browser tab) gives itself, echoed on the
/// events its requests cause so it can recognise its own changes coming back.
extension Request {
    static let clientIDHeader = "Atlas-Client-Id"

    /// The caller's client id, when it sent a well-formed one.
    var clientID: String? {
        guard let value = headers.first(name: Self.clientIDHeader), Self.isWellFormed(clientID: value) else { return nil }
        return value
    }

    /// Refuses a malformed client id rather than dropping it silently.
    func requireWellFormedClientID() throws {
        guard let value = headers.first(name: Self.clientIDHeader), !Self.isWellFormed(clientID: value) else { return }
        throw AtlasError.badRequest("invalid_client_id",
            "\(Self.clientIDHeader) must be 1–128 printable ASCII characters, such as a UUID.")
    }

    private static func isWellFormed(clientID value: String) -> Bool {
        (1...128).contains(value.utf8.count) && value.utf8.allSatisfy { (0x21...0x7e).contains($0) }
    }
}
