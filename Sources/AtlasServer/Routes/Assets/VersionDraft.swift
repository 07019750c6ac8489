import AtlasCore
import AtlasStorage
import Foundation

/// Builds a validated `NewVersion` from an upload: its staged files plus any files named by
/// the hash of content the server already holds (the hash-first protocol).
enum VersionDraft {
    static let maxCommentLength = 10_000

    static func make(upload: ReceivedUpload, declared: [FileInput]?, comment: String?, status: String?,
                     metadata: Metadata?, metadataField: String, store: any BlobStore,
                     errors: inout [FieldError]) -> NewVersion? {
        var files = upload.files.map { VersionFile(path: $0.path, sha256: $0.blob.hash, size: $0.blob.size) }
        for (index, file) in (declared ?? []).enumerated() {
            let field = "files[\(index)]"
            let path = FieldRules.filePath(file.path, field: "\(field).path").collect(into: &errors)
            guard let hash = ContentHash(hex: file.sha256) else {
                errors.append(FieldError(field: "\(field).sha256", message: "must be 64 hexadecimal digits"))
                continue
            }
            guard let size = store.size(of: hash) else {
                errors.append(FieldError(field: "\(field).sha256", message: "no stored content has this hash; upload it first with POST /api/v1/blobs"))
                continue
            }
            if let path { files.append(VersionFile(path: path, sha256: hash, size: size)) }
        }
        var seen = Set<String>()
        for file in files where !seen.insert(file.path).inserted {
            errors.append(FieldError(field: "files", message: "two files have the path '\(file.path)'"))
        }
        let status = status.map { text -> VersionStatus? in
            guard let status = VersionStatus(rawValue: text) else {
                errors.append(FieldError(field: "status", message: "'\(text)' is not one of: wip, review, approved, deprecated"))
                return nil
            }
            return status
        } ?? .wip
        let comment = comment ?? ""
        if comment.count > maxCommentLength {
            errors.append(FieldError(field: "comment", message: "must be at most \(maxCommentLength) characters"))
        }
        let metadata = MetadataRule.check(metadata, field: metadataField).collect(into: &errors)
        guard let status, let metadata else { return nil }
        return NewVersion(files: files, comment: comment, status: status, metadata: metadata)
    }
}
