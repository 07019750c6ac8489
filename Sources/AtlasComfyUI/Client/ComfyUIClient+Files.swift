import Foundation
import NIOCore

extension ComfyUIClient {
    /// `POST /upload/image`: stores an input file on the server, in `subfolder` of its input folder.
    ///
    /// Returns the reference to use in the prompt: ComfyUI renames a clashing upload (`name (1).png`)
    /// unless `overwrite`, so always use the name it answers.
    public func uploadImage(_ bytes: ByteBuffer, name: String, subfolder: String = "", overwrite: Bool = false) async throws -> ComfyUIFileReference {
        var form = ComfyUIMultipartForm()
        form.addFile(field: "image", filename: name, contentType: Self.contentType(of: name), bytes: bytes)
        if !subfolder.isEmpty { form.addField("subfolder", subfolder) }
        form.addField("type", "input")
        if overwrite { form.addField("overwrite", "true") }
        let reply = try await send(.POST, "/upload/image", body: form.body, timeout: .seconds(max(60, Int64(bytes.readableBytes >> 20))))
        try reply.expect(200)
        return try reply.decode(ComfyUIFileReference.self, what: "the /upload/image answer")
    }

    /// `POST /upload/image` with the file's bytes as `Data`.
    public func uploadImage(_ data: Data, name: String, subfolder: String = "", overwrite: Bool = false) async throws -> ComfyUIFileReference {
        try await uploadImage(ByteBuffer(bytes: data), name: name, subfolder: subfolder, overwrite: overwrite)
    }

    /// `GET /view`: a file's bytes (an output, preview or input).
    public func view(_ file: ComfyUIFileReference, maxBytes: Int = 2 << 30) async throws -> ByteBuffer {
        let query = [("filename", file.filename), ("subfolder", file.subfolder), ("type", file.type)]
        let reply = try await send(.GET, "/view", query: query, timeout: .seconds(300), maxBytes: maxBytes)
        if reply.status == 404 { throw ComfyUIError.fileNotFound(file) }
        try reply.expect(200)
        return reply.body
    }

    private static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last?.lowercased() {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "exr": "image/x-exr"
        case "tif", "tiff": "image/tiff"
        default: "application/octet-stream"
        }
    }
}
