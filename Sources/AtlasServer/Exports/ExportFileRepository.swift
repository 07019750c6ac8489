import AtlasCore
import Foundation
import SQLKit

/// The files each export job made, in order (the converted file first), and the version it
/// delivered them as, if it made one.
enum ExportFileRepository {
    static func put(_ files: [ExportResult.File], job: UUID, version: Int?, at date: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM export_files WHERE job_id = \(bind: job)").run()
        for (position, file) in files.enumerated() {
            try await sql.raw("""
                INSERT INTO export_files (job_id, position, name, sha256, size, created_at, version_number)
                VALUES (\(bind: job), \(bind: position), \(bind: file.name), \(bind: file.sha256.hex), \(bind: file.size), \(bind: date),
                        \(bind: version))
                """).run()
        }
    }

    /// The number of the version `job` delivered its files as, if it made one.
    static func deliveredVersion(of job: UUID, on sql: any SQLDatabase) async throws -> Int? {
        try await sql.raw("SELECT version_number FROM export_files WHERE job_id = \(bind: job) AND position = 0").first()?
            .decode(column: "version_number", as: Int?.self)
    }

    static func files(of job: UUID, on sql: any SQLDatabase) async throws -> [ExportResult.File] {
        try await sql.raw("SELECT name, sha256, size FROM export_files WHERE job_id = \(bind: job) ORDER BY position").all().compactMap { row in
            guard let hash = ContentHash(hex: try row.decode(column: "sha256", as: String.self)) else { return nil }
            return ExportResult.File(name: try row.decode(column: "name", as: String.self), sha256: hash,
                                     size: try row.decode(column: "size", as: Int64.self))
        }
    }
}
