import Foundation
import Vapor

/// `GET /view`: a file of the output (default), input or temp folder, optionally re-encoded
/// (`preview=webp;90`, `jpeg;80`) or reduced to its colour planes (`channel=rgb`) or alpha
/// (`channel=a`). A leading `/` or any `..` in the name is 400, a subfolder leaving the folder 403,
/// an unknown type 400, a missing file 404.
struct ViewController: Sendable {
    let context: StandInContext

    @Sendable func file(_ request: Request) async throws -> Response {
        let query = QueryParameters(request.url.query)
        guard let requested = query["filename"] else { return AiohttpResponse.empty(.notFound) }
        let annotated = AnnotatedFilePath(requested, folders: context.folders)
        guard !annotated.name.isEmpty else { return AiohttpResponse.empty(.badRequest) }
        guard !annotated.name.hasPrefix("/"), !annotated.name.contains("..") else { return AiohttpResponse.empty(.badRequest) }
        guard var folder = (annotated.folder ?? context.folders.folder(forType: query["type"] ?? "output"))?.path else {
            return AiohttpResponse.empty(.badRequest)
        }
        if let subfolder = query["subfolder"] {
            let full = PythonPath.join(folder, subfolder)
            guard PythonPath.isInside(full, folder) else { return AiohttpResponse.empty(.forbidden) }
            folder = full
        }
        let name = PythonPath.basename(annotated.name)
        let path = PythonPath.join(folder, name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return AiohttpResponse.empty(.notFound)
        }
        let file = URL(fileURLWithPath: path)
        let disposition = "filename=\"\(name)\""
        if let preview = query["preview"] {
            return try await converted(file, disposition: disposition, operations: ViewConversion.preview(preview, channel: query["channel"]))
        }
        switch query["channel"] ?? "rgba" {
        case "rgb": return try await converted(file, disposition: disposition, operations: ViewConversion.colourPlanes)
        case "a": return try await converted(file, disposition: disposition, operations: ViewConversion.alphaMask(of: file))
        default:
            let data = try Data(contentsOf: file)
            return Response(status: .ok, headers: ["Content-Disposition": disposition, "Content-Type": ViewConversion.contentType(of: name)],
                            body: .init(data: data))
        }
    }

    private func converted(_ file: URL, disposition: String, operations: ViewConversion.Operations) async throws -> Response {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("standin-view-\(UUID().uuidString).\(operations.fileExtension)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await context.environment.renderer.convert(file, operations.arguments, to: scratch)
        return Response(status: .ok, headers: ["Content-Disposition": disposition, "Content-Type": operations.contentType],
                        body: .init(data: try Data(contentsOf: scratch)))
    }
}
