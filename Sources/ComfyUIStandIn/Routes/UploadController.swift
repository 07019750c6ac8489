import Foundation
import Vapor

/// `POST /upload/image`: stores the `image` part in the input (or temp, output) folder.
/// A name already taken by identical bytes returns that name without writing; by other bytes,
/// the file becomes `name (1).ext`, `name (2).ext`, … unless `overwrite` is `true` or `1`.
/// Content is not checked: a text file named `.png` is accepted.
struct UploadController: Sendable {
    let context: StandInContext

    private struct Form: Content {
        var image: File?
        var type: String?
        var subfolder: String?
        var overwrite: String?
    }

    @Sendable func image(_ request: Request) async throws -> Response {
        guard let form = try? request.content.decode(Form.self), let image = form.image, !image.filename.isEmpty else {
            return AiohttpResponse.empty(.badRequest)
        }
        // An unknown `type` leaves Python's `type_dir` unbound: an uncaught error.
        guard let folder = context.folders.folder(forType: form.type ?? "input") else {
            throw PythonException(type: "UnboundLocalError", message: "cannot access local variable 'type_dir'")
        }
        let subfolder = form.subfolder ?? ""
        let target = PythonPath.join(folder.path, PythonPath.normpath(subfolder))
        var path = PythonPath.abspath(PythonPath.join(target, image.filename))
        guard PythonPath.isInside(path, folder.path) else { return AiohttpResponse.empty(.badRequest) }
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let bytes = Data(buffer: image.data)
        var name = image.filename
        var duplicate = false
        if !["true", "1"].contains(form.overwrite) {
            let (stem, ext) = PythonPath.splitext(image.filename)
            var attempt = 1
            let digest = FileDigest.sha256(bytes)
            while FileManager.default.fileExists(atPath: path) {
                if FileDigest.sha256(ofFileAt: URL(fileURLWithPath: path)) == digest {
                    duplicate = true
                    break
                }
                name = "\(stem) (\(attempt))\(ext)"
                path = PythonPath.join(target, name)
                attempt += 1
            }
        }
        if !duplicate { try bytes.write(to: URL(fileURLWithPath: path)) }
        return AiohttpResponse.json(["name": .string(name), "subfolder": .string(subfolder), "type": .string(form.type ?? "input")])
    }
}
