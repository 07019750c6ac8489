import AtlasCore
import AtlasFormats
import AtlasStorage
import Foundation
import SQLKit

/// `version.inspect`: reads what a new version's files are from their bytes (AtlasFormats), then
/// with the external tools that read their formats further (assimp, usd-core, MaterialX), stores
/// the result on the version, adds the tags the content suggests to the asset, and announces it
/// (`asset.version_inspected`). Queued in the transaction that makes the version, so no version
/// goes uninspected and no upload waits.
struct VersionInspectionJob: JobHandler {
    static let name = "version.inspect"
    var kind: String { Self.name }
    let blobs: any BlobStore
    /// The external tools and their fences (`ATLAS_PYTHON`, `ATLAS_TOOL_TIMEOUT_SECONDS`).
    var tools = ToolSettings()

    /// The job that inspects `version` of `asset`, keyed so a version is queued once.
    static func job(for version: AssetVersion, of asset: Asset, at date: Date) -> Job {
        Job(id: AtlasID.make(at: date), kind: name, payload: ["version_id": .string(version.stamp.id.lowercased)],
            priority: -1, runAfter: date, idempotencyKey: "\(name):\(version.stamp.id.lowercased)", projectID: asset.projectID,
            createdAt: date)
    }

    func run(_ job: JobRun, context: any JobContext) async throws -> JSONValue? {
        let (found, context) = try await job.version(context: context)
        guard let version = found else { return ["skipped": "the version no longer exists"] }
        let versionID = version.stamp.id
        let entries = version.files.compactMap { file in
            blobs.filePath(for: file.sha256).map { (name: file.path, url: URL(fileURLWithPath: $0)) }
        }
        var inspection = await PathInspection.inspect(entries: entries, tools: tools)
        // A file whose stored content is gone is said so, not silently left out of the report.
        for file in version.files where blobs.filePath(for: file.sha256) == nil {
            inspection.reports.append(FormatReport(fileName: file.path, fileSize: 0, format: nil, issues: [
                .error(.readFailed, "the stored content \(file.sha256.hex) is missing from the blob store; run atlas fsck")]))
        }
        let now = Date()
        _ = try await context.once(Self.name) { [inspection] sql in
            try await InspectionRepository.put(inspection, version: versionID, at: now, on: sql)
            let asset = try await AssetRows.fetch(version.assetID, on: sql)
            try await Self.recordDependencies(of: version, in: asset, found: inspection, at: now, on: sql)
            try await Self.addSuggestedTags(inspection.suggestedTags, to: asset, at: now, on: sql)
            try await EventLog.append(AssetEvents.event(AssetEvents.versionInspected, asset, version: version,
                                                        change: .cli("job.version.inspect", at: now)), on: sql)
        }
        return ["files": .number(Double(inspection.reports.count)), "sequences": .number(Double(inspection.sequences.count)),
                "errors": .bool(inspection.hasErrors)]
    }

    /// Adds the tags the files suggest (`renderer:redshift`, `light_rig`) that the asset lacks, as the
    /// job, audited like any change to an asset. A deleted asset, or tags beyond the per-asset limit,
    /// are left alone: a suggestion never fails the inspection.
    static func addSuggestedTags(_ suggested: [String], to asset: Asset, at date: Date, on sql: any SQLDatabase) async throws {
        let room = FieldRules.maxTagsPerAsset - asset.tags.count
        let new = suggested.compactMap { try? FieldRules.tag($0).get() }.filter { !asset.tags.contains($0) }.prefix(max(0, room))
        guard asset.deletedAt == nil, !new.isEmpty, let tags = try? FieldRules.tags(asset.tags + new).get() else { return }
        let change = Change.cli("job.version.inspect", at: date)
        let updated = try await AssetRepository.update(asset.stamp.id, expectedRevision: nil, change: change, on: sql) { $0.tags = tags }
        try await AuditLog.record(change, kind: "asset", id: asset.stamp.id, before: AssetBody(asset), after: AssetBody(updated), on: sql)
    }

    /// Turns what the files name into dependency edges: a file of the same version needs no
    /// edge; a file found in the library by name gets an edge to it; anything else (including a
    /// path that escapes the asset, which is never opened) is kept as a missing edge.
    static func recordDependencies(of version: AssetVersion, in asset: Asset, found inspection: PathInspection, at date: Date,
                                   on sql: any SQLDatabase) async throws {
        let files = Set(version.files.map(\.path))
        let existing = Set(try await sql.raw("SELECT reference FROM dependencies WHERE source_version_id = \(bind: version.stamp.id)")
            .all().map { try $0.decode(column: "reference", as: String.self) })
        var recorded = existing
        for report in inspection.reports {
            for reference in report.references where !recorded.contains(reference.path) {
                let target: UUID?
                switch ReferenceResolver.resolve(reference.path, from: report.fileName, within: files) {
                case .inside: continue
                case .escapes: target = nil
                case .library(let name):
                    target = try await LibraryLookup.version(holding: name, in: asset.projectID, excluding: asset.stamp.id, on: sql)
                }
                recorded.insert(reference.path)
                try await DependencyRepository.add(DependencyEdge(
                    id: AtlasID.make(at: date), sourceVersionID: version.stamp.id, targetVersionID: target, reference: reference.path,
                    kind: reference.kind, createdAt: date, createdBy: "job:\(name)"), on: sql)
            }
        }
    }
}
