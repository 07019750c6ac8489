import AtlasCore
import Foundation
import SQLKit

/// Assets and their versions: every write runs inside a transaction the caller opened, so a
/// controller can add its idempotency record to the same commit.
enum AssetRepository {
    static func create(_ new: NewAsset, firstVersion: NewVersion, change: Change, on sql: any SQLDatabase) async throws -> (Asset, AssetVersion) {
        let project = try await ProjectRepository.fetch(new.projectID, on: sql)
        guard project.status == .active else {
            throw AtlasError.conflict("project_archived", "Project \(project.code) is archived and takes no new assets. Unarchive it first.")
        }
        let stamp = ObjectStamp(id: AtlasID.make(at: change.at), kind: .asset, name: new.name, metadata: new.metadata,
                                createdAt: change.at, updatedAt: change.at, createdBy: change.by, updatedBy: change.by)
        let asset = Asset(stamp: stamp, projectID: new.projectID, type: new.type,
                          format: new.format ?? firstVersion.files.first.flatMap { FieldRules.format(ofPath: $0.path) },
                          description: new.description, tags: new.tags, status: firstVersion.status,
                          latestVersion: 1, revision: 1, deletedAt: nil)
        try await ObjectRow.insert(stamp, on: sql)
        try await sql.raw("""
            INSERT INTO assets (id, project_id, type, format, description, status, latest_version, revision, deleted_at)
            VALUES (\(bind: stamp.id), \(bind: asset.projectID), \(bind: asset.type.rawValue), \(bind: asset.format),
                    \(bind: asset.description), \(bind: asset.status.rawValue), 1, 1, \(bind: Date?.none))
            """).run()
        try await AssetRows.insertTags(asset.tags, of: stamp.id, on: sql)
        let version = makeVersion(of: asset, number: 1, parentID: nil, firstVersion, change: change)
        try await VersionRows.insert(version, on: sql)
        try await SearchIndex.write(stamp.id, SearchDocument(asset: asset, latest: version), isNew: true, on: sql)
        try await EventLog.append(AssetEvents.event(AssetEvents.created, asset, version: version, change: change), on: sql)
        _ = try await JobRepository.enqueue(VersionInspectionJob.job(for: version, of: asset, at: change.at), change: change, on: sql)
        _ = try await JobRepository.enqueue(VersionPreviewJob.job(for: version, of: asset, at: change.at), change: change, on: sql)
        return (asset, version)
    }

    /// Adds version N+1 on top of the latest.
    static func addVersion(to assetID: UUID, _ new: NewVersion, change: Change, on sql: any SQLDatabase) async throws -> (Asset, AssetVersion) {
        var asset = try await AssetRows.fetch(assetID, on: sql, forUpdate: true)
        try requireLive(asset)
        let parent = try await VersionRows.fetch(asset: assetID, number: asset.latestVersion, on: sql)
        let version = makeVersion(of: asset, number: asset.latestVersion + 1, parentID: parent.stamp.id, new, change: change)
        try await VersionRows.insert(version, on: sql)
        asset.latestVersion = version.number
        asset.status = version.status
        if let format = version.files.first.flatMap({ FieldRules.format(ofPath: $0.path) }) { asset.format = format }
        try await save(&asset, change: change, latest: version, on: sql)
        try await EventLog.append(AssetEvents.event(AssetEvents.versionAdded, asset, version: version, change: change), on: sql)
        _ = try await JobRepository.enqueue(VersionInspectionJob.job(for: version, of: asset, at: change.at), change: change, on: sql)
        _ = try await JobRepository.enqueue(VersionPreviewJob.job(for: version, of: asset, at: change.at), change: change, on: sql)
        return (asset, version)
    }

    /// A new version with the content of an earlier one. Nothing is overwritten.
    static func revert(_ assetID: UUID, to number: Int, comment: String?, change: Change, on sql: any SQLDatabase) async throws -> (Asset, AssetVersion) {
        let old = try await VersionRows.fetch(asset: assetID, number: number, on: sql)
        let new = NewVersion(files: old.files, comment: comment ?? "Revert to v\(number)", status: .wip,
                             metadata: old.stamp.metadata, revertedFrom: number)
        return try await addVersion(to: assetID, new, change: change, on: sql)
    }

    static func setStatus(_ assetID: UUID, version number: Int, to status: VersionStatus, expectedRevision: Int?,
                          change: Change, on sql: any SQLDatabase) async throws -> AssetVersion {
        var asset = try await AssetRows.fetch(assetID, on: sql, forUpdate: true)
        try requireLive(asset)
        var version = try await VersionRows.fetch(asset: assetID, number: number, on: sql)
        if let expectedRevision, expectedRevision != version.revision {
            throw AtlasError.versionConflict(current: ETag.revision(version.revision))
        }
        version.status = status
        version.revision += 1
        version.stamp.updatedAt = change.at
        version.stamp.updatedBy = change.by
        try await ObjectRow.touch(version.stamp.id, at: change.at, by: change.by, on: sql)
        try await sql.raw("""
            UPDATE asset_versions SET status = \(bind: status.rawValue), revision = \(bind: version.revision)
            WHERE id = \(bind: version.stamp.id)
            """).run()
        if number == asset.latestVersion {
            asset.status = status
            try await save(&asset, change: change, latest: nil, on: sql)
        }
        try await EventLog.append(AssetEvents.event(AssetEvents.versionStatusChanged, asset, version: version, change: change), on: sql)
        return version
    }

    /// Applies `edit` to the asset if its revision is still `expectedRevision`.
    static func update(_ assetID: UUID, expectedRevision: Int?, change: Change, on sql: any SQLDatabase,
                       _ edit: (inout Asset) throws -> Void) async throws -> Asset {
        var asset = try await AssetRows.fetch(assetID, on: sql, forUpdate: true)
        try requireLive(asset)
        if let expectedRevision, expectedRevision != asset.revision {
            throw AtlasError.versionConflict(current: ETag.revision(asset.revision))
        }
        let oldTags = asset.tags
        try edit(&asset)
        if asset.tags != oldTags { try await AssetRows.replaceTags(of: assetID, with: asset.tags, on: sql) }
        try await save(&asset, change: change, latest: nil, on: sql)
        try await EventLog.append(AssetEvents.event(AssetEvents.updated, asset, change: change), on: sql)
        return asset
    }

    /// Soft delete (`deleted: true`) or restore. Both are reversible; only purge frees storage.
    static func setDeleted(_ assetID: UUID, _ deleted: Bool, change: Change, on sql: any SQLDatabase) async throws -> Asset {
        var asset = try await AssetRows.fetch(assetID, on: sql, forUpdate: true)
        if deleted {
            try requireLive(asset)
            asset.deletedAt = change.at
        } else {
            guard asset.deletedAt != nil else {
                throw AtlasError.conflict("asset_not_deleted", "Asset \(assetID) is not deleted; there is nothing to restore.")
            }
            asset.deletedAt = nil
        }
        try await save(&asset, change: change, latest: nil, on: sql)
        try await EventLog.append(AssetEvents.event(deleted ? AssetEvents.deleted : AssetEvents.restored, asset, change: change), on: sql)
        return asset
    }

    /// Writes the asset's row with a new revision and refreshes its search document.
    private static func save(_ asset: inout Asset, change: Change, latest: AssetVersion?, on sql: any SQLDatabase) async throws {
        asset.revision += 1
        asset.stamp.updatedAt = change.at
        asset.stamp.updatedBy = change.by
        try await ObjectRow.update(asset.stamp, on: sql)
        try await AssetRows.writeAsset(asset, on: sql)
        let version = try await latestVersion(of: asset, given: latest, on: sql)
        try await SearchIndex.write(asset.stamp.id, SearchDocument(asset: asset, latest: version), on: sql)
    }

    private static func latestVersion(of asset: Asset, given: AssetVersion?, on sql: any SQLDatabase) async throws -> AssetVersion {
        if let given, given.number == asset.latestVersion { return given }
        return try await VersionRows.fetch(asset: asset.stamp.id, number: asset.latestVersion, on: sql)
    }

    private static func requireLive(_ asset: Asset) throws {
        if asset.deletedAt != nil {
            throw AtlasError.conflict("asset_deleted", "Asset \(asset.stamp.id) is deleted. Restore it before changing it.")
        }
    }

    private static func makeVersion(of asset: Asset, number: Int, parentID: UUID?, _ new: NewVersion, change: Change) -> AssetVersion {
        let stamp = ObjectStamp(id: AtlasID.make(at: change.at), kind: .version, name: "\(asset.stamp.name) v\(number)",
                                metadata: new.metadata, createdAt: change.at, updatedAt: change.at,
                                createdBy: change.by, updatedBy: change.by)
        return AssetVersion(stamp: stamp, assetID: asset.stamp.id, number: number, parentID: parentID, status: new.status,
                            comment: new.comment, revertedFrom: new.revertedFrom, files: new.files, revision: 1)
    }
}
