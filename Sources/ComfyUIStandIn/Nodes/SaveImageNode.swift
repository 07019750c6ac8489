import Foundation

/// `SaveImage` (PNGs in the output folder) and `PreviewImage` (in the temp folder, under a
/// random `ComfyUI_temp_xxxxx` prefix). Each PNG carries the prompt and the `extra_pnginfo`
/// keys as text chunks.
struct SaveImageNode: NodeOperation {
    enum Destination: Sendable {
        case output, preview
    }

    var destination: Destination

    func run(_ call: NodeCall) async throws -> NodeResult {
        let images = try call.images("images")
        let folders = call.environment.folders
        let prefix = destination == .output ? try call.string("filename_prefix") : "ComfyUI_temp_" + Self.randomSuffix()
        let base = destination == .output ? folders.output : folders.temp
        let path = try SaveImagePath(prefix: prefix, in: base, width: images.size.width, height: images.size.height)
        let text = Self.textChunks(prompt: call.prompt, extraPNGInfo: call.extraPNGInfo)
        var written: [ImageRenderer.PNGOutput] = [], listed: [JSON] = []
        for (index, frame) in images.frames.enumerated() {
            let name = path.fileName(forFrame: index)
            written.append(.init(frame: frame, file: path.folder.appendingPathComponent(name), text: text))
            listed.append(["filename": .string(name), "subfolder": .string(path.subfolder),
                           "type": .string(destination == .output ? "output" : "temp")])
        }
        switch call.missingOutputs {
        case .none: try await call.environment.renderer.write(written, compressionLevel: destination == .output ? 4 : 1)
        case .filesNotWritten: break
        case .outputsEmpty: return NodeResult(outputs: [])
        }
        return NodeResult(outputs: [], ui: JSONObject([("images", .array(listed))]))
    }

    /// `"abcdefghijklmnopqrstupvxyz"`, Python's alphabet for the suffix (with its two p and no w).
    private static func randomSuffix() -> String {
        String((0..<5).map { _ in Array("abcdefghijklmnopqrstupvxyz").randomElement()! })
    }

    private static func textChunks(prompt: JSON, extraPNGInfo: JSON?) -> [(key: String, value: String)] {
        var chunks: [(key: String, value: String)] = [("prompt", JSONWriter.write(prompt))]
        for (key, value) in extraPNGInfo?.objectValue ?? JSONObject() { chunks.append((key, JSONWriter.write(value))) }
        return chunks
    }
}
