import AtlasCore
import AtlasFormats
import Foundation
import SQLKit

/// The previews the `version.preview` job made: each version's state and its images by kind.
enum GeneratedPreviewRepository {
    /// One stored image.
    struct Image: Sendable, Equatable {
        var kind: PreviewKind
        var sha256: ContentHash
        var size: Int64
        var mediaType: String
    }

    /// Replaces what is stored for `version` with `previews` and `images`.
    static func record(_ previews: VersionPreviews, images: [Image], version: UUID, at date: Date, on sql: any SQLDatabase) async throws {
        // Images first, state last: on SQLite a reader sharing the writer's connection can see a
        // write half done, and a state that says ready must never come without its images.
        try await sql.raw("DELETE FROM version_preview_images WHERE version_id = \(bind: version)").run()
        for image in images {
            try await sql.raw("""
                INSERT INTO version_preview_images (version_id, kind, sha256, size, media_type, created_at)
                VALUES (\(bind: version), \(bind: image.kind.rawValue), \(bind: image.sha256.hex), \(bind: image.size),
                        \(bind: image.mediaType), \(bind: date))
                """).run()
        }
        try await setState(previews, version: version, at: date, on: sql)
    }

    /// Marks `version` pending again (its previews are being made anew); the old images stay served until then.
    static func markPending(_ version: UUID, at date: Date, on sql: any SQLDatabase) async throws {
        try await setState(.pending, version: version, at: date, on: sql)
    }

    private static func setState(_ previews: VersionPreviews, version: UUID, at date: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM version_preview_states WHERE version_id = \(bind: version)").run()
        try await sql.raw("""
            INSERT INTO version_preview_states (version_id, state, reason, updated_at)
            VALUES (\(bind: version), \(bind: previews.state.rawValue), \(bind: previews.reason), \(bind: date))
            """).run()
    }

    /// The previews of each of `versions`; a version the job has not finished is pending.
    static func summaries(of versions: [UUID], on sql: any SQLDatabase) async throws -> [UUID: VersionPreviews] {
        guard !versions.isEmpty else { return [:] }
        // States first, images after: the two reads are separate statements, and a job committing
        // between them must not make a state read after it (ready) meet images read before it (none).
        // Images are written in the same transaction as the state that says ready, so once a
        // state is seen, its images are there too.
        var states: [UUID: (state: VersionPreviews.State, reason: String?, updatedAt: Date)] = [:]
        for row in try await sql.raw("""
            SELECT version_id, state, reason, updated_at FROM version_preview_states WHERE version_id IN (\(binds: versions))
            """).all() {
            states[try row.decode(column: "version_id", as: UUID.self)] = (
                VersionPreviews.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .pending,
                try row.decode(column: "reason", as: String?.self), try row.decode(column: "updated_at", as: Date.self))
        }
        var kinds: [UUID: [PreviewKind]] = [:]
        let ready = states.filter { $0.value.state == .ready }.map(\.key)
        if !ready.isEmpty {
            for row in try await sql.raw("SELECT version_id, kind FROM version_preview_images WHERE version_id IN (\(binds: ready))").all() {
                guard let kind = PreviewKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
                kinds[try row.decode(column: "version_id", as: UUID.self), default: []].append(kind)
            }
        }
        return Dictionary(uniqueKeysWithValues: versions.map { version in
            guard let found = states[version] else { return (version, VersionPreviews.pending) }
            let made = PreviewKind.allCases.filter((kinds[version] ?? []).contains)
            let ready = found.state == .ready
            // The time the images were recorded, in milliseconds: new with every making.
            let revision = ready ? String(Int64((found.updatedAt.timeIntervalSince1970 * 1000).rounded()), radix: 36) : nil
            return (version, VersionPreviews(state: found.state, kinds: ready ? made : [], reason: found.reason, revision: revision))
        })
    }

    /// The previews of each asset's latest version, by asset id: a listing carries them so a
    /// thumbnail grid asks only for images that exist.
    static func latest(of assets: [Asset], on sql: any SQLDatabase) async throws -> [UUID: VersionPreviews] {
        guard !assets.isEmpty else { return [:] }
        var assetOf: [UUID: UUID] = [:]
        for row in try await sql.raw("""
            SELECT v.id, v.asset_id FROM asset_versions v JOIN assets a ON a.id = v.asset_id AND v.number = a.latest_version
            WHERE a.id IN (\(binds: assets.map(\.stamp.id)))
            """).all() {
            assetOf[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "asset_id", as: UUID.self)
        }
        let summaries = try await summaries(of: Array(assetOf.keys), on: sql)
        return Dictionary(uniqueKeysWithValues: summaries.compactMap { version, previews in assetOf[version].map { ($0, previews) } })
    }

    /// The stored image of `kind` for `version`, made by the job.
    static func image(of version: UUID, kind: PreviewKind, on sql: any SQLDatabase) async throws -> Image? {
        guard let row = try await sql.raw("""
            SELECT sha256, size, media_type FROM version_preview_images WHERE version_id = \(bind: version) AND kind = \(bind: kind.rawValue)
            """).first(), let hash = ContentHash(hex: try row.decode(column: "sha256", as: String.self)) else { return nil }
        return Image(kind: kind, sha256: hash, size: try row.decode(column: "size", as: Int64.self),
                     mediaType: try row.decode(column: "media_type", as: String.self))
    }
}
