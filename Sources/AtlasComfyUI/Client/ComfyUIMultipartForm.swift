import Foundation
import NIOCore

/// A `multipart/form-data` body, as `/upload/image` reads it.
struct ComfyUIMultipartForm: Sendable {
    let boundary = "atlas-" + UUID().uuidString
    private var buffer = ByteBuffer()

    mutating func addField(_ name: String, _ value: String) {
        buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n\r\n\(value)\r\n")
    }

    mutating func addFile(field: String, filename: String, contentType: String, bytes: ByteBuffer) {
        buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(field))\"; filename=\"\(Self.quoted(filename))\"\r\n")
        buffer.writeString("Content-Type: \(contentType)\r\n\r\n")
        buffer.writeImmutableBuffer(bytes)
        buffer.writeString("\r\n")
    }

    var body: ComfyUIRequestBody {
        var bytes = buffer
        bytes.writeString("--\(boundary)--\r\n")
        return ComfyUIRequestBody(contentType: "multipart/form-data; boundary=\(boundary)", bytes: bytes)
    }

    // A quote or line break in a name would end the header early.
    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }
}
