import FluentKit
import SQLKit

/// What Atlas learned from a version's files (formats, headers, sequences, problems), written
/// by the `version.inspect` job once the version exists.
struct M0024_CreateVersionInspections: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("version_inspections")
            .field("version_id", .uuid, .identifier(auto: false), .references("atlas_objects", "id", onDelete: .cascade))
            .field("report", .string, .required)
            .field("errors", .int, .required)
            .field("warnings", .int, .required)
            .field("inspected_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("version_inspections").delete()
    }
}
