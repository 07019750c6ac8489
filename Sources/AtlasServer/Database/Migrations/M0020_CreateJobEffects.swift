import FluentKit

/// The effects jobs have applied, one row per job and effect name: the record that lets a job
/// tried again after its worker died skip what the dead try already did (`DatabaseJobContext.once`).
/// The primary key is the guarantee; a second try's insert of the same pair finds it taken.
struct M0020_CreateJobEffects: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("job_effects")
            .field("job_id", .uuid, .required, .references("jobs", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("at", .datetime, .required)
            // Which claim applied it: tells an operator which worker's try did the work.
            .field("worker_id", .string, .required)
            .compositeIdentifier(over: "job_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("job_effects").delete()
    }
}
