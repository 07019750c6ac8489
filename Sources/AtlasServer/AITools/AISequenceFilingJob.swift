import AtlasComfyUI
import AtlasCore
import AtlasFormats
import Foundation
import SQLKit

/// `ai.file_sequence`: the last job of a run over every frame of a sequence, queued in the same
/// batch as the frames. Until every frame's job has ended it goes back to the queue without using
/// a try, saying how many frames it waits for (the last frame to finish wakes it). Then it files
/// what the frames made as one sequence asset per output (`AISequenceFiling`).
///
/// A frame that failed or was cancelled fails the sequence and files nothing: a sequence with holes
/// is not a result. Running the batch again redoes only those frames; the others come from the cache.
struct AISequenceFilingJob: JobHandler {
    static let name = "ai.file_sequence"
    var kind: String { Self.name }
    /// How long it waits before looking at its frames again, unless the last frame wakes it first.
    var recheckDelay: Double = 2

    func run(_ job: JobRun, context: any JobContext) async throws -> JSONValue? {
        guard let context = context as? any DatabaseJobContext else { throw PermanentJobFailure("needs a database context") }
        let sql = context.database.sql
        let order = try AIRunOrder.from(job.payload)
        let run = try await AIRunRepository.fetch(order.runID, on: sql)
        // Only counted while waiting: the frame runs themselves are read once, to file them.
        let counts = try await AIRunRepository.frameCounts(of: run.id, on: sql)
        guard counts.open == 0 else {
            throw JobDeferral("waiting for \(counts.open) of \(counts.total) frames", delay: recheckDelay)
        }
        try await requireEveryFrame(of: run, total: counts.total, on: sql)
        let frames = try await AIRunRepository.frames(of: run.id, on: sql)
        let outputs = try await AIRunRepository.frameOutputs(of: run.id, on: sql)
        let silent = frames.compactMap(\.frame).filter { outputs[$0]?.isEmpty ?? true }
        guard silent.isEmpty else {
            throw PermanentJobFailure("frames \(FrameRanges.text(frames: silent)) made no output; nothing was filed")
        }
        let filing = try await filing(run, frames: frames, outputs: outputs, order: order, on: sql)
        _ = try await context.once("ai.file_sequence") { sql in
            let results = try await filing.file(on: sql)
            try await AIRunRepository.finishSequence(run.id, results: results, at: filing.change.at, on: sql)
        }
        return ["frames": .number(Double(frames.count)), "cached_frames": .number(Double(frames.filter(\.cached).count))]
    }

    /// Fails, naming the frames and the first reason, when any frame's job failed or was cancelled.
    private func requireEveryFrame(of run: AIRun, total: Int, on sql: any SQLDatabase) async throws {
        let lost = try await AIRunRepository.lostFrames(of: run.id, on: sql)
        guard let first = lost.first else { return }
        let reason = first.status == .cancelled ? "cancelled" : first.error ?? "failed"
        throw PermanentJobFailure("""
            \(lost.count) of \(total) frames did not run (\(FrameRanges.text(frames: lost.map(\.frame)))); \
            frame \(first.frame): \(reason). Nothing was filed; run the batch again to redo only those frames.
            """)
    }

    private func filing(_ run: AIRun, frames: [AIRun], outputs: [Int: [AIRunOutputs.File]], order: AIRunOrder,
                        on sql: any SQLDatabase) async throws -> AISequenceFiling {
        let tool = try await AIToolRepository.version(run.toolVersionID, on: sql)
        guard let input = run.sequenceInput, let versionID = run.arguments.images[input],
              let version = try await VersionRows.fetch(id: versionID, on: sql) else {
            throw PermanentJobFailure("the input sequence of run \(run.id.lowercased) is gone")
        }
        let sequence = try AIRunBatch.imageSequence(of: version.files, version: versionID)
        let asset = try await AssetRows.fetch(version.assetID, on: sql)
        return AISequenceFiling(run: run, tool: tool, pattern: sequence.pattern, outputs: outputs, frames: frames,
                                inputAssetName: asset.stamp.name,
                                change: Change(actor: order.requestedBy.actor, at: Date(), action: "job.\(Self.name)"))
    }
}
