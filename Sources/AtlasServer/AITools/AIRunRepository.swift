import AtlasComfyUI
import AtlasCore
import Foundation
import SQLKit

/// Runs of tools: the rows behind `/api/v1/ai-jobs`, the result cache and the run-time estimate.
enum AIRunRepository {
    static func insert(_ run: AIRun, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO ai_runs (id, tool_version_id, job_id, project_id, cache_key, cached, arguments, result_versions, server,
                                 duration_ms, created_at, created_by, finished_at, input_pixels, parent_run_id, frame, sequence_input)
            VALUES (\(bind: run.id), \(bind: run.toolVersionID), \(bind: run.jobID), \(bind: run.projectID), \(bind: run.cacheKey),
                    \(bind: run.cached), \(bind: JSONCoding.text(run.arguments)), \(bind: run.results.map(JSONCoding.text)),
                    \(bind: run.server), \(bind: run.durationMilliseconds), \(bind: run.createdAt), \(bind: run.createdBy),
                    \(bind: run.finishedAt), \(bind: run.inputPixels), \(bind: run.parentRunID), \(bind: run.frame),
                    \(bind: run.sequenceInput))
            """).run()
    }

    static func fetch(_ id: UUID, on sql: any SQLDatabase) async throws -> AIRun {
        guard let row = try await sql.raw("\(unsafeRaw: select) WHERE id = \(bind: id)").first() else {
            throw AtlasError.notFound("ai_job", id.lowercased)
        }
        return try decode(row)
    }

    /// The newest run with this key whose results are filed and all still there: a cache hit.
    static func cachedResult(for key: String, on sql: any SQLDatabase) async throws -> AIRun? {
        let rows = try await sql.raw("""
            \(unsafeRaw: select) WHERE cache_key = \(bind: key) AND result_versions IS NOT NULL ORDER BY created_at DESC LIMIT 5
            """).all()
        for row in rows {
            let run = try decode(row)
            guard let results = run.results, !results.isEmpty else { continue }
            if try await allLive(results.map(\.versionID), on: sql) { return run }
        }
        return nil
    }

    /// The files the newest finished run with this key downloaded, filed or not: what a frame of
    /// a sequence needs from the cache (a frame's own results are the whole sequence).
    static func cachedOutputs(for key: String, on sql: any SQLDatabase) async throws -> (run: AIRun, files: [AIRunOutputs.File])? {
        let rows = try await sql.raw("""
            \(unsafeRaw: select) WHERE cache_key = \(bind: key) AND finished_at IS NOT NULL
                AND EXISTS (SELECT 1 FROM ai_run_outputs o WHERE o.run_id = ai_runs.id)
            ORDER BY created_at DESC LIMIT 1
            """).all()
        guard let row = rows.first else { return nil }
        let run = try decode(row)
        return (run, try await outputs(of: run.id, on: sql))
    }

    /// Records the files a run downloaded, in the order ComfyUI made them.
    static func recordOutputs(_ files: [AIRunOutputs.File], of run: UUID, on sql: any SQLDatabase) async throws {
        for (position, file) in files.enumerated() {
            try await sql.raw("""
                INSERT INTO ai_run_outputs (run_id, position, output, name, sha256, size)
                VALUES (\(bind: run), \(bind: position), \(bind: file.output), \(bind: file.name), \(bind: file.sha256.hex), \(bind: file.size))
                """).run()
        }
    }

    static func outputs(of run: UUID, on sql: any SQLDatabase) async throws -> [AIRunOutputs.File] {
        try await sql.raw("""
            SELECT output, name, sha256, size FROM ai_run_outputs WHERE run_id = \(bind: run) ORDER BY position
            """).all().compactMap(outputFile)
    }

    /// A row of `ai_run_outputs` (nil for a bad hash, which only a hand-edited row can hold:
    /// rows are written by recordOutputs from hashes the blob store made).
    static func outputFile(_ row: any SQLRow) throws -> AIRunOutputs.File? {
        guard let hash = ContentHash(hex: try row.decode(column: "sha256", as: String.self)) else { return nil }
        return AIRunOutputs.File(output: try row.decode(column: "output", as: String.self), name: try row.decode(column: "name", as: String.self),
                                 sha256: hash, size: try row.decode(column: "size", as: Int64.self))
    }

    /// Records what a finished run filed, where it ran and how long ComfyUI took.
    static func finish(_ id: UUID, results: [AIRunResult], server: String, duration: Duration, at date: Date,
                       on sql: any SQLDatabase) async throws {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Int(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        try await sql.raw("""
            UPDATE ai_runs SET result_versions = \(bind: JSONCoding.text(results)), server = \(bind: server),
                duration_ms = \(bind: milliseconds), finished_at = \(bind: date)
            WHERE id = \(bind: id)
            """).run()
    }

    /// How long the tool's last runs that really ran took (cache hits and unfinished runs left
    /// out), newest first, at most `limit`, each with its input size: what its estimate is made of.
    static func recentDurations(tool: UUID, limit: Int = 200, on sql: any SQLDatabase) async throws -> [AIRunDuration] {
        try await sql.raw("""
            SELECT r.duration_ms, r.input_pixels FROM ai_runs r JOIN ai_tool_versions v ON v.id = r.tool_version_id
            WHERE v.tool_id = \(bind: tool) AND r.cached = \(bind: false) AND r.duration_ms IS NOT NULL
            ORDER BY r.created_at DESC LIMIT \(unsafeRaw: String(limit))
            """).all().map {
                AIRunDuration(milliseconds: try $0.decode(column: "duration_ms", as: Int.self),
                              inputPixels: try $0.decode(column: "input_pixels", as: Int?.self))
            }
    }

    private static func allLive(_ versions: [UUID], on sql: any SQLDatabase) async throws -> Bool {
        let live = try await sql.raw("""
            SELECT COUNT(*) AS n FROM asset_versions v JOIN assets a ON a.id = v.asset_id
            WHERE v.id IN (\(binds: versions)) AND a.deleted_at IS NULL
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        return live == Set(versions).count
    }

    static let select = """
        SELECT id, tool_version_id, job_id, project_id, cache_key, cached, arguments, result_versions, server, duration_ms,
               created_at, created_by, finished_at, input_pixels, parent_run_id, frame, sequence_input FROM ai_runs
        """

    static func decode(_ row: any SQLRow) throws -> AIRun {
        let arguments = try row.decode(column: "arguments", as: String.self)
        let results = try row.decode(column: "result_versions", as: String?.self)
        return AIRun(
            id: try row.decode(column: "id", as: UUID.self), toolVersionID: try row.decode(column: "tool_version_id", as: UUID.self),
            jobID: try row.decode(column: "job_id", as: UUID?.self), projectID: try row.decode(column: "project_id", as: UUID?.self),
            cacheKey: try row.decode(column: "cache_key", as: String.self), cached: try row.decode(column: "cached", as: Bool.self),
            arguments: try JSONCoding.sharedDecoder.decode(AIToolArguments.self, from: Data(arguments.utf8)),
            results: try results.map { try JSONCoding.sharedDecoder.decode([AIRunResult].self, from: Data($0.utf8)) },
            server: try row.decode(column: "server", as: String?.self),
            durationMilliseconds: try row.decode(column: "duration_ms", as: Int?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), createdBy: try row.decode(column: "created_by", as: String?.self),
            finishedAt: try row.decode(column: "finished_at", as: Date?.self),
            inputPixels: try row.decode(column: "input_pixels", as: Int?.self),
            parentRunID: try row.decode(column: "parent_run_id", as: UUID?.self), frame: try row.decode(column: "frame", as: Int?.self),
            sequenceInput: try row.decode(column: "sequence_input", as: String?.self))
    }
}
