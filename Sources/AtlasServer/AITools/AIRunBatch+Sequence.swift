import AtlasCore
import AtlasFormats
import Foundation
import Vapor

extension AIRunBatch {
    /// Most frames one run over a sequence may hold.
    static let maxFrames = 10_000

    /// A run over every frame of the image sequence in version `sequence`: the sequence run, keyed
    /// on the whole sequence, and one run per frame, keyed on that frame's file alone (so a frame
    /// already made by any run comes from the cache). Seeds are picked once, so every frame runs
    /// with the same seed.
    static func prepare(_ req: Request, tool: AIToolVersion, body: AIToolBatchInput, sequence version: UUID) async throws -> AIRunBatch {
        var inputs = body.inputs ?? [:]
        inputs[body.input] = .string(version.lowercased)
        var whole = try await AIRunSubmission.prepare(req, tool: tool, inputs: inputs, projectID: body.projectID)
        let found = try imageSequence(of: whole.inputFiles[body.input] ?? [], version: version)
        whole.sequenceInput = body.input
        whole.cacheKey = AIRunCacheKey.make(tool: tool, arguments: whole.arguments, inputFiles: whole.inputFiles, sequenceInput: body.input)
        let frames = found.frames.map { frame in
            var run = whole
            run.sequenceInput = nil
            run.frame = frame
            run.arguments.files[body.input] = found.files[frame]
            run.cacheKey = AIRunCacheKey.make(tool: tool, arguments: run.arguments, inputFiles: run.inputFiles)
            return run
        }
        return AIRunBatch(submissions: frames, sequence: whole)
    }

    /// The one image sequence among a version's files.
    static func imageSequence(of files: [VersionFile], version: UUID) throws -> ImageSequence {
        let sequences = SequenceDetector.group(files.map(\.path)).sequences
        guard let sequence = sequences.first else {
            throw AtlasError.invalid("sequence", "version \(version.lowercased) holds no image sequence (two or more numbered frames)")
        }
        guard sequences.count == 1 else {
            let patterns = sequences.map(\.pattern.hashNotation).joined(separator: ", ")
            throw AtlasError.invalid("sequence", "version \(version.lowercased) holds \(sequences.count) sequences (\(patterns)); a run takes one")
        }
        guard sequence.count <= maxFrames else {
            throw AtlasError.invalid("sequence", "holds \(sequence.count) frames; a run takes at most \(maxFrames)")
        }
        return sequence
    }
}
