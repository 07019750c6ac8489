import AtlasCore
import AtlasFormats
import Foundation
import SQLKit

extension VersionExportJob {
    /// Makes the new version: the source version's files with the source file replaced by what
    /// the export made (beside it, in its folder), the comment "Exported from vN to FORMAT", and
    /// `derived_from` in its metadata naming the source. Stamped and audited as the requester's.
    static func deliverVersion(_ order: ExportOrder, of source: AssetVersion, files: [ExportResult.File], job: UUID, at date: Date,
                               on sql: any SQLDatabase) async throws -> Int {
        let folder = (order.file as NSString).deletingLastPathComponent
        let made = files.map { VersionFile(path: folder.isEmpty ? $0.name : "\(folder)/\($0.name)", sha256: $0.sha256, size: $0.size) }
        let replaced = Set(made.map(\.path) + [order.file])
        let derivedFrom: JSONValue = [
            "asset_id": .string(order.assetID.lowercased), "version_id": .string(order.versionID.lowercased),
            "version": .number(Double(order.version)), "file": .string(order.file), "format": .string(order.format.rawValue),
            "job_id": .string(job.lowercased),
        ]
        let new = NewVersion(files: source.files.filter { !replaced.contains($0.path) } + made,
                             comment: "Exported from v\(order.version) to \(order.format.displayName)", status: .wip,
                             metadata: ["derived_from": derivedFrom])
        let change = Change(actor: order.requestedBy.actor, at: date, action: "job.\(name)")
        do {
            let (_, version) = try await AssetRepository.addVersion(to: order.assetID, new, change: change, on: sql)
            try await AuditLog.record(change, kind: "version", id: version.stamp.id, after: VersionBody(version), on: sql)
            return version.number
        } catch let error as AtlasError {
            // A deleted asset takes no versions; trying again changes nothing.
            throw PermanentJobFailure(error.detail)
        }
    }
}
