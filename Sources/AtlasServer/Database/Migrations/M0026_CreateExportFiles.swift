import FluentKit

/// The files a `version.export` job made, by job: what `GET /api/v1/exports/{job_id}/file`
/// serves, and content that purge must keep.
struct M0026_CreateExportFiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("export_files")
            .field("job_id", .uuid, .required, .references("atlas_objects", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "job_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("export_files").delete()
    }
}
