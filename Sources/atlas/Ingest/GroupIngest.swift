import AtlasCore

/// Ingests one group: skips it when the journal or the server shows it done; otherwise makes
/// sure the server holds each file's bytes (asking by hash before sending any) and creates the
/// asset, or the next version of the asset ingested before from the same source.
struct GroupIngest: Sendable {
    enum Outcome: Sendable {
        case added(IngestReport.Added)
        case skipped(IngestReport.Skipped)
        case failed(IngestReport.Failed)
    }

    let api: IngestAPI
    let projectID: String
    /// Assets an earlier ingest made in the project, by source.
    let ingested: [String: String]
    let journal: IngestJournal
    let progress: IngestProgress
    /// Shared by every group: how many files are hashed and sent at once.
    let slots: ConcurrencyLimit
    /// Shared by every group: each content is sent once.
    let uploads: BlobUploads
    let comment: String

    /// The group's outcome. A server that cannot be reached, or that refuses the key, ends the
    /// whole run (thrown); a group the server refuses, or a file that cannot be read, fails only
    /// that group.
    func ingest(_ group: IngestGroup) async throws -> Outcome {
        if let entry = await journal.finished(group) {
            count(group)
            return .skipped(.init(source: group.source, code: "done_before_interruption",
                                  reason: "finished by an earlier, interrupted run of this command (its journal says so)",
                                  assetID: entry.assetID, version: entry.version))
        }
        let outcome: Outcome
        do {
            outcome = try await ingestUnjournaled(group)
        } catch let error as AtlasClientError where error.status != nil && !error.isAccessRefused {
            return .failed(.init(source: group.source, reason: error.description))
        } catch let error as FileReadError {
            return .failed(.init(source: group.source, reason: error.description))
        }
        switch outcome {
        case .added(let added):
            try await journal.record(.init(source: group.source, fingerprint: group.fingerprint, assetID: added.assetID, version: added.version))
        case .skipped(let skipped):
            try await journal.record(.init(source: group.source, fingerprint: group.fingerprint, assetID: skipped.assetID, version: skipped.version))
        case .failed:
            break
        }
        return outcome
    }

    private func ingestUnjournaled(_ group: IngestGroup) async throws -> Outcome {
        let assetID = ingested[group.source]
        var known: [String: ContentHash] = [:]
        if let assetID, let latest = try await api.latestVersion(of: assetID) {
            // Hash first: an unchanged asset needs no question about its blobs at all.
            let files = try await slots.map(group.members) { member in
                IngestReport.File(path: member.path, sha256: try await ContentHasher.sha256(ofFileAt: member.file.absolutePath).hex,
                                  size: member.file.size)
            }
            if Set(files) == Set(latest.files) {
                count(group)
                return .skipped(.init(source: group.source, code: "unchanged",
                                      reason: "version \(latest.number) of the asset ingested from here has exactly these files",
                                      assetID: assetID, version: latest.number))
            }
            for file in files { known[file.path] = ContentHash(hex: file.sha256) }
        }
        let stored = try await slots.map(group.members) { [known] in try await store($0, hash: known[$0.path]) }
        let files = stored.map(\.file)
        let sent = stored.filter(\.uploaded)
        var added = IngestReport.Added(source: group.source, assetID: assetID ?? "", name: group.name, type: group.type.rawValue,
                                       version: 1, newAsset: assetID == nil, files: files, uploaded: sent.count,
                                       uploadedBytes: sent.reduce(0) { $0 + $1.file.size })
        if let assetID {
            added.version = try await api.createVersion(of: assetID, files: files, comment: comment)
        } else {
            added.assetID = try await api.createAsset(group, project: projectID, files: files, comment: comment)
        }
        return .added(added)
    }

    /// One file on the server: its hash, and whether its bytes had to be sent.
    private struct Stored: Sendable {
        var file: IngestReport.File
        var uploaded: Bool
    }

    private func store(_ member: IngestGroup.Member, hash known: ContentHash?) async throws -> Stored {
        let path = member.file.absolutePath
        let hash: ContentHash
        if let known { hash = known } else { hash = try await ContentHasher.sha256(ofFileAt: path) }
        let file = IngestReport.File(path: member.path, sha256: hash.hex, size: member.file.size)
        let client = api.client, progress = self.progress
        let sent = try await uploads.ensure(hash.hex) {
            if try await client.hasBlob(sha256: hash.hex) { return false }
            _ = try await client.uploadBlob(path: path, sha256: hash.hex) { progress.add(bytes: Int64($0)) }
            return true
        }
        if !sent { progress.add(bytes: member.file.size) }
        progress.add(files: 1)
        return Stored(file: file, uploaded: sent)
    }

    /// A group done without sending anything still counts towards the progress.
    private func count(_ group: IngestGroup) {
        progress.add(files: group.members.count)
        progress.add(bytes: group.bytes)
    }
}
