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
    ]
}
