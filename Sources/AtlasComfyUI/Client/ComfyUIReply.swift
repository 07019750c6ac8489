import Foundation
import NIOCore

/// A reply from ComfyUI, before the caller decides what its status means.
struct ComfyUIReply: Sendable {
    var status: Int
    var body: ByteBuffer

    var text: String {
        String(buffer: body)
    }

    var data: Data {
        Data(body.readableBytesView)
    }

    /// The body as `T`; a shape that does not decode is a protocol violation.
    func decode<T: Decodable>(_ type: T.Type, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw ComfyUIError.protocolViolation("\(what) does not decode (\(error)): \(text.prefix(200))")
        }
    }

    /// Fails with `unexpectedResponse` unless the status is one of `statuses`.
    func expect(_ statuses: Int...) throws {
        guard statuses.contains(status) else { throw ComfyUIError.unexpectedResponse(status: status, body: text) }
    }
}
