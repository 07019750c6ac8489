import AtlasComfyUI
import AtlasCore
import Foundation
import SQLKit

/// Files a run's outputs as new assets in the run's project: one asset per output image, with
/// the tool, its version, the inputs (seeds included), the server and timings in its metadata,
/// and an `ai_input` dependency edge from the new version to each input version (lineage).
struct AIResultFiling: Sendable {
    let run: AIRun
    let tool: AIToolVersion
    let outputs: AIRunOutputs
    let server: String
    let change: Change

    func file(on sql: any SQLDatabase) async throws -> [AIRunResult] {
        guard let project = run.projectID else { throw PermanentJobFailure("the run names no project to file results in") }
        var results: [AIRunResult] = []
        for (index, output) in outputs.files.enumerated() {
            let name = outputs.files.count == 1 ? "\(tool.manifest.name) \(shortID)" : "\(tool.manifest.name) \(shortID) \(index + 1)"
            let new = NewAsset(projectID: project, name: name, type: .texture, format: nil,
                               description: "Made by AI tool \(tool.manifest.title) v\(tool.number)", tags: ["ai", tool.manifest.name],
                               metadata: [:])
            let first = NewVersion(files: [VersionFile(path: output.name, sha256: output.sha256, size: output.size)],
                                   comment: "Made by \(tool.manifest.name) v\(tool.number)", status: .wip, metadata: ["ai": metadata(output)])
            let (asset, version) = try await AssetRepository.create(new, firstVersion: first, change: change, on: sql)
            try await AuditLog.record(change, kind: "asset", id: asset.stamp.id, after: AssetBody(asset), on: sql)
            try await Self.addLineage(from: version.stamp.id, to: run.arguments.images, by: AIRunJob.name, change: change, on: sql)
            results.append(AIRunResult(assetID: asset.stamp.id, versionID: version.stamp.id, output: output.output))
        }
        return results
    }

    private var shortID: String { String(run.id.lowercased.suffix(8)) }

    private func metadata(_ output: AIRunOutputs.File) -> JSONValue {
        let (seconds, attoseconds) = outputs.duration.components
        return .object(Self.metadata(of: run, tool: tool, output: output.output).merging([
            "comfyui_server": .string(server), "prompt_id": .string(outputs.promptID),
            "run_seconds": .number(Double(seconds) + Double(attoseconds) / 1e18),
        ]) { _, new in new })
    }
}

extension AIResultFiling {
    /// What every filed result says of the run that made it: the tool and its version, the run,
    /// the output, and the inputs (seeds included) it can be made again from.
    static func metadata(of run: AIRun, tool: AIToolVersion, output: String) -> [String: JSONValue] {
        [
            "tool": .string(tool.manifest.name), "tool_version": .number(Double(tool.number)),
            "tool_version_id": .string(tool.id.lowercased), "run_id": .string(run.id.lowercased), "output": .string(output),
            "inputs": .object(run.arguments.inputs), "generated_seeds": .array(run.arguments.generatedSeeds.map(JSONValue.string)),
        ]
    }

    /// An `ai_input` dependency edge from a filed version to each image input's version (lineage).
    static func addLineage(from version: UUID, to images: [String: UUID], by job: String, change: Change,
                           on sql: any SQLDatabase) async throws {
        for (name, input) in images.sorted(by: { $0.key < $1.key }) {
            try await DependencyRepository.add(DependencyEdge(
                id: AtlasID.make(at: change.at), sourceVersionID: version, targetVersionID: input,
                reference: "\(input.lowercased)#\(name)", kind: "ai_input", createdAt: change.at, createdBy: "job:\(job)"), on: sql)
        }
    }
}
