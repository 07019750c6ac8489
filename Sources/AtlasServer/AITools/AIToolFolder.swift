import AtlasCore
import Foundation

/// The tools of `ATLAS_TOOLS_DIR`: each `NAME.json` manifest beside its `NAME.workflow.json`
/// (API format, as ComfyUI's "Export (API)" writes it).
struct AIToolFolder: Sendable {
    let path: String

    /// Every tool of the folder, or the reason it cannot be read, by file name.
    func tools() -> [(file: String, content: Result<AIToolContent, any Error>)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".workflow.json") }.sorted()
        return names.map { name in (name, Result { try read(manifest: name) }) }
    }

    private func read(manifest name: String) throws -> AIToolContent {
        let base = URL(fileURLWithPath: path)
        let workflowName = String(name.dropLast(".json".count)) + ".workflow.json"
        let manifest = try Data(contentsOf: base.appendingPathComponent(name))
        let workflow = try Data(contentsOf: base.appendingPathComponent(workflowName))
        let body: JSONValue = ["manifest": JSONCoding.value(String(decoding: manifest, as: UTF8.self)) ?? .null,
                               "workflow": JSONCoding.value(String(decoding: workflow, as: UTF8.self)) ?? .null]
        return try AIToolContent.decode(body)
    }
}
