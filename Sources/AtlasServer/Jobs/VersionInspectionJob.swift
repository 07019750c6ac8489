import AtlasCore
import AtlasFormats
import AtlasStorage
import Foundation
import SQLKit

/// `version.inspect`: reads what a new version's files are from their bytes (AtlasFormats) and
/// stores the result on the version, then announces it (`asset.version_inspected`). Queued in
/// the transaction that makes the version, so no version goes uninspected and no upload waits.
struct VersionInspectionJob: JobHandler {
    static let name = "version.inspect"
    var kind: String { Self.name }
    let blobs: any BlobStore

    /// The job that inspects `version` of `asset`, keyed so a version is queued once.
    static func job(for version: AssetVersion, of asset: Asset, at date: Date) -> Job {
        Job(id: AtlasID.make(at: date), kind: name, payload: ["version_id": .string(version.stamp.id.lowercased)],
            priority: -1, runAfter: date, idempotencyKey: "\(name):\(version.stamp.id.lowercased)", projectID: asset.projectID,
            createdAt: date)
    }

    func run(_ job: JobRun, context: any JobContext) async throws -> JSONValue? {
        guard case .object(let payload) = job.payload, case .string(let text)? = payload["version_id"],
              let versionID = UUID(uuidString: text) else { throw PermanentJobFailure("payload has no version_id") }
        guard let context = context as? any DatabaseJobContext else { throw PermanentJobFailure("needs a database context") }
        guard let version = try await VersionRows.fetch(id: versionID, on: context.database.sql) else {
            return ["skipped": "the version no longer exists"]
        }
        let entries = version.files.compactMap { file in
            blobs.filePath(for: file.sha256).map { (name: file.path, url: URL(fileURLWithPath: $0)) }
        }
        let inspection = PathInspection.inspect(entries: entries)
        let now = Date()
        _ = try await context.once(Self.name) { sql in
            try await InspectionRepository.put(inspection, version: versionID, at: now, on: sql)
            let asset = try await AssetRows.fetch(version.assetID, on: sql)
            try await EventLog.append(AssetEvents.event(AssetEvents.versionInspected, asset, version: version,
                                                        change: .cli("job.version.inspect", at: now)), on: sql)
        }
        return ["files": .number(Double(inspection.reports.count)), "sequences": .number(Double(inspection.sequences.count)),
                "errors": .bool(inspection.hasErrors)]
    }
}
