import AtlasComfyUI
import AtlasCore
import AtlasFormats
import AtlasStorage
import Foundation
import SQLKit

/// A run's validated arguments with the bytes of its image inputs (the chosen file of each input's
/// version, else its first), read from the blob store.
struct AIRunInputs: Sendable {
    struct Image: Sendable {
        var versionID: UUID
        var assetID: UUID
        var fileName: String
        var data: Data
    }

    var arguments: AIToolArguments
    var images: [String: Image]

    /// Images ComfyUI cannot open (OpenEXR, HDR) are converted by `converter` (see `ComfyUIInputImage`).
    static func load(_ arguments: AIToolArguments, blobs: any BlobStore, converter: FormatConverter,
                     on sql: any SQLDatabase) async throws -> AIRunInputs {
        var images: [String: Image] = [:]
        for (name, versionID) in arguments.images {
            let chosen = arguments.files[name]
            guard let version = try await VersionRows.fetch(id: versionID, on: sql),
                  let file = chosen.map({ path in version.files.first { $0.path == path } }) ?? version.files.first,
                  let path = blobs.filePath(for: file.sha256) else {
                throw PermanentJobFailure("input \(name): version \(versionID.lowercased) or its file is gone")
            }
            let upload = try await ComfyUIInputImage.prepare(name: file.path, path: path, converter: converter)
            images[name] = Image(versionID: versionID, assetID: version.assetID, fileName: upload.fileName, data: upload.data)
        }
        return AIRunInputs(arguments: arguments, images: images)
    }
}
