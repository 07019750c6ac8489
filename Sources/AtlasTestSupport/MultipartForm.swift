import Foundation

/// A `multipart/form-data` body built by hand, as browsers and `curl -F` send it.
public struct MultipartForm: Sendable {
    public let boundary = "atlas-test-" + UUID().uuidString
    public private(set) var body = Data()

    public init() {}

    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    public func field(_ name: String, _ value: String) -> MultipartForm {
        var form = self
        form.append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n")
        form.body.append(Data(value.utf8))
        form.append("\r\n")
        return form
    }

    public func file(_ path: String, _ content: Data, field: String = "file", type: String = "application/octet-stream") -> MultipartForm {
        var form = self
        form.append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(path)\"\r\nContent-Type: \(type)\r\n\r\n")
        form.body.append(content)
        form.append("\r\n")
        return form
    }

    /// The body with its closing boundary.
    public var finished: MultipartForm {
        var form = self
        form.append("--\(boundary)--\r\n")
        return form
    }

    private mutating func append(_ text: String) {
        body.append(Data(text.utf8))
    }
}
