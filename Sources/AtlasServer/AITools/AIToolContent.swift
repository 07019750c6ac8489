import AtlasComfyUI
import AtlasCore
import Crypto
import Foundation

/// A tool as registered: manifest plus API-format workflow, with the hash that says whether two
/// registrations are the same content.
struct AIToolContent: Sendable {
    var manifest: AIToolManifest
    var workflow: ComfyUIWorkflow

    /// SHA-256 of `{"manifest": …, "workflow": …}` with sorted keys.
    var contentHash: String {
        let manifestJSON = (try? JSONCoding.json(manifest)) ?? .null
        let text = JSONCoding.text(["manifest": manifestJSON, "workflow": workflow.json] as JSONValue)
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads `{"manifest": {...}, "workflow": {...}}`; a bad shape is a field error, not a 500.
    static func decode(_ body: JSONValue) throws -> AIToolContent {
        guard case .object(let fields) = body else { throw AtlasError.invalid("body", "must be an object with manifest and workflow") }
        guard let manifestJSON = fields["manifest"], manifestJSON != .null else { throw AtlasError.invalid("manifest", "is required") }
        guard let workflowJSON = fields["workflow"], workflowJSON != .null else { throw AtlasError.invalid("workflow", "is required") }
        let manifest: AIToolManifest
        do {
            manifest = try JSONCoding.sharedDecoder.decode(AIToolManifest.self, from: JSONCoding.sharedEncoder.encode(manifestJSON))
        } catch let error as DecodingError {
            throw RequestJSON.problem(for: error)
        }
        do {
            return AIToolContent(manifest: manifest, workflow: try ComfyUIWorkflow(json: workflowJSON))
        } catch {
            throw AtlasError.validation([FieldError(field: error.field, message: error.description)])
        }
    }
}
