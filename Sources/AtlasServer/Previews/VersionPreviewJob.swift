import AtlasCore
import AtlasFormats
import AtlasStorage
import Foundation

/// `version.preview`: makes a new version's thumbnail, proxy and (for a sequence) contact sheet
/// with the tools installed here, stores them, and records where the version stands: `ready`
/// (announced as `asset.preview_ready` with the kinds), `unavailable` or `failed` with a reason.
/// Queued in the transaction that makes the version, at low priority, so no upload waits for it.
/// A tool's failure is an outcome, not a failed job: trying again would fail the same way.
struct VersionPreviewJob: JobHandler {
    static let name = "version.preview"
    var kind: String { Self.name }
    let blobs: any BlobStore
    let maker: PreviewMaker

    /// The job that makes `version`'s previews. The first is keyed so a version is queued once;
    /// `again` (regenerating) makes a fresh job.
    static func job(for version: AssetVersion, of asset: Asset, at date: Date, again: Bool = false) -> Job {
        let id = version.stamp.id.lowercased
        return Job(id: AtlasID.make(at: date), kind: name, payload: ["version_id": .string(id)], priority: -1, runAfter: date,
                   idempotencyKey: again ? nil : "\(name):\(id)", projectID: asset.projectID, createdAt: date)
    }

    func run(_ job: JobRun, context: any JobContext) async throws -> JSONValue? {
        let (found, context) = try await job.version(context: context)
        guard let version = found else { return ["skipped": "the version no longer exists"] }
        let versionID = version.stamp.id
        let workspace = try VersionWorkspace(version, blobs: blobs)
        defer { workspace.remove() }
        let outcome = await maker.make(PreviewSubject.choose(from: workspace.inspectedFiles()), in: workspace.output,
                                       hiding: workspace.folders)
        let images = try stored(outcome)
        let previews = VersionPreviews(outcome)
        let now = Date()
        _ = try await context.once(Self.name) { sql in
            try await GeneratedPreviewRepository.record(previews, images: images, version: versionID, at: now, on: sql)
            guard previews.state != .pending else { return }
            let asset = try await AssetRows.fetch(version.assetID, on: sql)
            let ready = previews.state == .ready
            var event = try AssetEvents.event(ready ? AssetEvents.previewReady : AssetEvents.previewFailed, asset, version: version,
                                              change: .cli("job.\(Self.name)", at: now))
            if case .object(var data) = event.data {
                if ready {
                    data["kinds"] = .array(previews.kinds.map { .string($0.rawValue) })
                } else {
                    data["state"] = .string(previews.state.rawValue)
                    data["reason"] = previews.reason.map(JSONValue.string) ?? .null
                }
                event.data = .object(data)
            }
            try await EventLog.append(event, on: sql)
        }
        return try JSONCoding.json(previews)
    }

    /// Puts the images made into the blob store (by content hash, so a second try stores nothing new).
    private func stored(_ outcome: PreviewOutcome) throws -> [GeneratedPreviewRepository.Image] {
        guard case .made(let images, _) = outcome else { return [] }
        return try images.map { image in
            let (hash, size) = try blobs.store(fileAt: image.url)
            return GeneratedPreviewRepository.Image(kind: image.kind, sha256: hash, size: size, mediaType: image.mediaType)
        }
    }
}
