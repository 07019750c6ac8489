import AtlasComfyUI
import AtlasCore
import Foundation

/// The body of `POST /api/v1/ai-tools/{name}/batch`: which image input takes each version (or
/// each frame), the versions or the version holding a sequence, and the inputs every run shares.
struct AIToolBatchInput: Decodable, Sendable {
    var input: String
    var versions: [UUID]?
    /// A version holding an image sequence: one run per frame, filed back as one sequence.
    var sequence: UUID?
    var inputs: [String: JSONValue]?
    var projectID: UUID?
    var fresh: Bool?

    enum CodingKeys: String, CodingKey {
        case input, versions, sequence, inputs, fresh
        case projectID = "project_id"
    }

    /// `input` must be an image input of the tool, and either `versions` hold 1…`AIRunBatch.maxVersions`
    /// ids or `sequence` names a version.
    func validate(against manifest: AIToolManifest) throws {
        var errors: [FieldError] = []
        if !manifest.inputs.contains(where: { $0.name == input && $0.type == .image }) {
            errors.append(FieldError(field: "input", message: "the tool has no image input \(input)"))
        }
        switch (versions, sequence) {
        case (nil, nil):
            errors.append(FieldError(field: "versions", message: "or sequence is required"))
        case (_?, _?):
            errors.append(FieldError(field: "sequence", message: "cannot go with versions; a batch runs over versions or over a sequence"))
        case (let versions?, nil) where versions.isEmpty || versions.count > AIRunBatch.maxVersions:
            errors.append(FieldError(field: "versions", message: "must name 1 to \(AIRunBatch.maxVersions) asset versions (got \(versions.count))"))
        default:
            break
        }
        if inputs?[input] != nil {
            errors.append(FieldError(field: "inputs.\(input)", message: "is given by versions or sequence in a batch"))
        }
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
    }
}
