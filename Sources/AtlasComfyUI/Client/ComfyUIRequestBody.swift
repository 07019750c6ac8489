import AtlasCore
import Foundation
import NIOCore

/// A request body with its content type.
struct ComfyUIRequestBody: Sendable {
    var contentType: String
    var bytes: ByteBuffer

    /// JSON, always well-formed: ComfyUI reads a malformed `/interrupt` body as a global interrupt.
    static func json(_ value: JSONValue) -> ComfyUIRequestBody {
        let data = (try? JSONEncoder().encode(value)) ?? Data("{}".utf8)
        return ComfyUIRequestBody(contentType: "application/json", bytes: ByteBuffer(bytes: data))
    }
}
