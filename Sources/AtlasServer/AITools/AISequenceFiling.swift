import AtlasComfyUI
import AtlasCore
import AtlasFormats
import Foundation
import SQLKit

/// Files what the frame runs of a run over a sequence made as one sequence asset per tool output,
/// in the run's project: frames keep the input sequence's numbers and padding
/// (`plate.1001.exr` through `invert` gives `plate_invert.1001.png`), the version's metadata names
/// the tool, the inputs, the frame range and the servers, and an `ai_input` edge leads to each
/// input version (lineage).
struct AISequenceFiling: Sendable {
    let run: AIRun
    let tool: AIToolVersion
    /// The input sequence's naming, which the results follow.
    let pattern: SequencePattern
    /// What each frame made, by frame.
    let outputs: [Int: [AIRunOutputs.File]]
    let frames: [AIRun]
    let inputAssetName: String
    let change: Change

    func file(on sql: any SQLDatabase) async throws -> [AIRunResult] {
        guard let project = run.projectID else { throw PermanentJobFailure("the run names no project to file results in") }
        var results: [AIRunResult] = []
        let produced = tool.manifest.outputs.filter { output in outputs.values.contains { $0.contains { $0.output == output.name } } }
        for output in produced {
            let name = produced.count == 1 ? "\(inputAssetName) \(tool.manifest.name) \(shortID)"
                : "\(inputAssetName) \(tool.manifest.name) \(output.name) \(shortID)"
            let new = NewAsset(projectID: project, name: name, type: .sequence, format: nil,
                               description: "Made by AI tool \(tool.manifest.title) v\(tool.number) from every frame of \(inputAssetName)",
                               tags: ["ai", tool.manifest.name], metadata: [:])
            let first = NewVersion(files: files(of: output.name, single: produced.count == 1), comment: "Made by \(tool.manifest.name) v\(tool.number)",
                                   status: .wip, metadata: ["ai": metadata(output.name)])
            let (asset, version) = try await AssetRepository.create(new, firstVersion: first, change: change, on: sql)
            try await AuditLog.record(change, kind: "asset", id: asset.stamp.id, after: AssetBody(asset), on: sql)
            try await AIResultFiling.addLineage(from: version.stamp.id, to: run.arguments.images, by: AISequenceFilingJob.name,
                                                change: change, on: sql)
            results.append(AIRunResult(assetID: asset.stamp.id, versionID: version.stamp.id, output: output.name))
        }
        return results
    }

    /// The output's files of every frame, named as frames of the input's sequence. A frame that
    /// made several images of one output gives several sequences side by side (`_2`, `_3`, …).
    private func files(of output: String, single: Bool) -> [VersionFile] {
        var files: [VersionFile] = []
        for (frame, made) in outputs.sorted(by: { $0.key < $1.key }) {
            for (index, file) in made.filter({ $0.output == output }).enumerated() {
                let name = resultPattern(output: single ? nil : output, index: index, extension: (file.name as NSString).pathExtension)
                files.append(VersionFile(path: name.fileName(frame: frame), sha256: file.sha256, size: file.size))
            }
        }
        return files
    }

    /// `plate.####.exr` gives `plate_invert.####.png` (the output's name joins when the tool has several).
    private func resultPattern(output: String?, index: Int, extension ext: String) -> SequencePattern {
        let base = (pattern.prefix as NSString).lastPathComponent
        let separator = base.last.map { $0 == "." || $0 == "_" ? String($0) : "" } ?? ""
        var stem = separator.isEmpty ? base : String(base.dropLast())
        if stem.isEmpty { stem = "frame" }
        stem += "_\(tool.manifest.name)" + (output.map { "_\($0)" } ?? "") + (index == 0 ? "" : "_\(index + 1)")
        return SequencePattern(prefix: stem + (separator.isEmpty ? "." : separator), padding: pattern.padding,
                               suffix: ext.isEmpty ? "" : ".\(ext)")
    }

    private var shortID: String { String(run.id.lowercased.suffix(8)) }

    private func metadata(_ output: String) -> JSONValue {
        let numbers = outputs.keys.sorted()
        let servers = Set(frames.compactMap(\.server)).sorted()
        let milliseconds = frames.filter { !$0.cached }.compactMap(\.durationMilliseconds).reduce(0, +)
        return .object(AIResultFiling.metadata(of: run, tool: tool, output: output).merging([
            "sequence_input": .string(run.sequenceInput ?? ""), "frames": .string(FrameRanges.text(frames: numbers)),
            "frame_count": .number(Double(numbers.count)), "cached_frames": .number(Double(frames.filter(\.cached).count)),
            "comfyui_servers": .array(servers.map(JSONValue.string)), "run_seconds": .number(Double(milliseconds) / 1000),
        ]) { _, new in new })
    }
}
