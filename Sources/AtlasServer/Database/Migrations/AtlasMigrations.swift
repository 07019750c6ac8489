import FluentKit

/// Every migration, in the order it must run. Append only: a shipped migration never changes.
enum AtlasMigrations {
    static let all: [any Migration] = [
        M0001_CreateObjects(),
        M0002_CreateProjects(),
        M0003_CreateAssets(),
        M0004_CreateVersions(),
        M0005_CreateAssetTags(),
        M0006_CreateDependencies(),
        M0007_CreateIdempotencyKeys(),
        M0008_CreateAssetSearch(),
        M0009_AddAssetSearchKeys(),
        M0010_AddSearchFilters(),
        M0011_CreateUsers(),
        M0012_CreateProjectMembers(),
        M0013_CreateCredentials(),
        M0014_CreateAuditLog(),
        M0015_CreateLoginFailures(),
        M0016_CreateSetupTokens(),
        M0017_CreateSecrets(),
        M0018_CreateVersionPreviews(),
        M0019_CreateJobs(),
        M0020_CreateJobEffects(),
        M0021_CreateEvents(),
        M0022_CreateJobBatches(),
        M0023_AddJobQueueIndex(),
        M0024_CreateVersionInspections(),
        M0025_CreateGeneratedPreviews(),
        M0026_CreateExportFiles(),
        M0030_CreateAITools(),
        M0031_CreateComfyUIServers(),
        M0032_AddAIRunInputPixels(),
        M0033_AddAISequenceRuns(),
        M0034_AddExportFileVersion(),
    ]
}
