import AtlasCore
import Foundation
import SQLKit

/// The frame runs of a run over every frame of a sequence, as its `ai.file_sequence` job reads them.
extension AIRunRepository {
    /// A frame whose run did not succeed: its job ended failed or cancelled.
    struct LostFrame: Sendable {
        var frame: Int
        var status: JobStatus
        var error: String?
    }

    /// The frame runs of a sequence run, by frame.
    static func frames(of parent: UUID, on sql: any SQLDatabase) async throws -> [AIRun] {
        try await sql.raw("\(unsafeRaw: select) WHERE parent_run_id = \(bind: parent) ORDER BY frame").all().map(decode)
    }

    /// How many frame runs a sequence run has, and how many of them have a job that has not ended
    /// yet (cached frames have none): one small query, as the filing job asks it every few seconds.
    static func frameCounts(of parent: UUID, on sql: any SQLDatabase) async throws -> (total: Int, open: Int) {
        let row = try await sql.raw("""
            SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN j.status IN ('queued', 'running') THEN 1 ELSE 0 END), 0) AS open
            FROM ai_runs r LEFT JOIN jobs j ON j.id = r.job_id WHERE r.parent_run_id = \(bind: parent)
            """).first()
        return (try row?.decode(column: "total", as: Int.self) ?? 0, try row?.decode(column: "open", as: Int.self) ?? 0)
    }

    /// The frames whose job ended without success, by frame.
    static func lostFrames(of parent: UUID, on sql: any SQLDatabase) async throws -> [LostFrame] {
        try await sql.raw("""
            SELECT r.frame, j.status, j.error FROM ai_runs r JOIN jobs j ON j.id = r.job_id
            WHERE r.parent_run_id = \(bind: parent) AND j.status IN ('failed', 'cancelled') ORDER BY r.frame
            """).all().map { row in
                LostFrame(frame: try row.decode(column: "frame", as: Int.self),
                          status: JobStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
                          error: try row.decode(column: "error", as: String?.self))
            }
    }

    /// What each frame run downloaded, by frame, each frame's files in the order ComfyUI made them.
    static func frameOutputs(of parent: UUID, on sql: any SQLDatabase) async throws -> [Int: [AIRunOutputs.File]] {
        var outputs: [Int: [AIRunOutputs.File]] = [:]
        for row in try await sql.raw("""
            SELECT r.frame, o.output, o.name, o.sha256, o.size FROM ai_run_outputs o JOIN ai_runs r ON r.id = o.run_id
            WHERE r.parent_run_id = \(bind: parent) ORDER BY r.frame, o.position
            """).all() {
            guard let file = try outputFile(row) else { continue }
            outputs[try row.decode(column: "frame", as: Int.self), default: []].append(file)
        }
        return outputs
    }

    /// Records the sequence a sequence run filed, and points every frame run at it.
    static func finishSequence(_ parent: UUID, results: [AIRunResult], at date: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE ai_runs SET result_versions = \(bind: JSONCoding.text(results)), finished_at = \(bind: date) WHERE id = \(bind: parent)
            """).run()
        try await sql.raw("""
            UPDATE ai_runs SET result_versions = \(bind: JSONCoding.text(results)) WHERE parent_run_id = \(bind: parent)
            """).run()
    }
}
