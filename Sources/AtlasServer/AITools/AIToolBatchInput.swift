import AtlasComfyUI
import AtlasCore
import Foundation

/// The body of `POST /api/v1/ai-tools/{name}/batch`: which image input takes each version, the
/// versions, and the inputs every run shares.
struct AIToolBatchInput: Decodable, Sendable {
    var input: String
    var versions: [UUID]
    var inputs: [String: JSONValue]?
    var projectID: UUID?
    var fresh: Bool?

    enum CodingKeys: String, CodingKey {
        case input, versions, inputs, fresh
        case projectID = "project_id"
    }

    /// `input` must be an image input of the tool, and `versions` hold 1…`AIRunBatch.maxVersions` ids.
    func validate(against manifest: AIToolManifest) throws {
        var errors: [FieldError] = []
        if !manifest.inputs.contains(where: { $0.name == input && $0.type == .image }) {
            errors.append(FieldError(field: "input", message: "the tool has no image input \(input)"))
        }
        if versions.isEmpty || versions.count > AIRunBatch.maxVersions {
            errors.append(FieldError(field: "versions", message: "must name 1 to \(AIRunBatch.maxVersions) asset versions (got \(versions.count))"))
        }
        if inputs?[input] != nil {
            errors.append(FieldError(field: "inputs.\(input)", message: "is given by versions in a batch"))
        }
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
    }
}
