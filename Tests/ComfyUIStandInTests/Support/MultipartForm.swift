import Foundation

/// A `multipart/form-data` body as browsers and ComfyUI clients send uploads.
struct MultipartForm: Sendable {
    private let boundary = "standin-\(UUID().uuidString)"
    private var parts: [(name: String, filename: String?, data: Data)] = []

    func field(_ name: String, _ value: String) -> MultipartForm {
        var copy = self
        copy.parts.append((name, nil, Data(value.utf8)))
        return copy
    }

    func file(_ name: String, filename: String, _ data: Data) -> MultipartForm {
        var copy = self
        copy.parts.append((name, filename, data))
        return copy
    }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    var body: Data {
        var body = Data()
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
            if let filename = part.filename { head += "; filename=\"\(filename)\"\r\nContent-Type: image/png" }
            body += Data((head + "\r\n\r\n").utf8) + part.data + Data("\r\n".utf8)
        }
        return body + Data("--\(boundary)--\r\n".utf8)
    }
}
