import AtlasCore
import AtlasStorage
import Foundation
import SQLKit
import Vapor

/// `/api/v1/assets/{asset_id}/versions` and the diff: history, add, get, status, revert.
struct VersionController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.listVersions, use: list)
        routes.on(Endpoints.createVersion, use: create)
        routes.on(Endpoints.getVersion, use: get)
        routes.on(Endpoints.setVersionStatus, use: setStatus)
        routes.on(Endpoints.revertVersion, use: revert)
        routes.on(Endpoints.diffVersions, use: diff)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let query = req.queryParameters
        try query.requireOnly(Paging.parameterNames)
        var errors: [FieldError] = []
        let paging = Paging.parse(query, errors: &errors)
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
        let cursor = try paging.cursor(sort: "-number")
        let sql = req.atlasDatabase.sql
        _ = try await AssetRows.fetch(assetID, on: sql)
        var conditions: SQLQueryString = "v.asset_id = \(bind: assetID)"
        if let after = cursor?.value.flatMap(Int.init) { conditions += " AND v.number < \(bind: after)" }
        let rows = try await sql.raw("""
            \(unsafeRaw: VersionRows.select) WHERE \(conditions) ORDER BY v.number DESC LIMIT \(literal: paging.limit + 1)
            """).all()
        let versions = try await VersionRows.decodeAll(Array(rows.prefix(paging.limit)), on: sql)
        let next = rows.count > paging.limit ? versions.last.map { PageCursor(sort: "-number", value: String($0.number)) } : nil
        let previews = try await GeneratedPreviewRepository.summaries(of: versions.map(\.stamp.id), on: sql)
        return try JSONResponse.make(ListBody(items: versions.map { VersionBody($0, previews: previews[$0.stamp.id]) }, nextCursor: next))
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        return try await UploadedCreate.respond(to: req, auditing: "version", validate: draft) { draft, change, sql in
            let (asset, version) = try await AssetRepository.addVersion(to: assetID, draft, change: change, on: sql)
            return try CreatedResponse(VersionBody(version, previews: .pending), location: APIPaths.version(asset: assetID, number: version.number),
                                       etag: ETag.revision(asset.revision))
        }
    }

    private func draft(_ upload: ReceivedUpload, store: any BlobStore) throws -> NewVersion {
        let input = try RequestJSON.decode(CreateVersionInput.self, from: upload.json)
        var errors: [FieldError] = []
        let draft = VersionDraft.make(upload: upload, declared: input.files, comment: input.comment, status: input.status,
                                      metadata: input.metadata, metadataField: "metadata", store: store, errors: &errors)
        guard errors.isEmpty, let draft else { throw AtlasError.validation(errors) }
        return draft
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let sql = req.atlasDatabase.sql
        let version = try await VersionRows.fetch(asset: assetID, number: number, on: sql)
        let previews = try await GeneratedPreviewRepository.summaries(of: [version.stamp.id], on: sql)[version.stamp.id]
        return try JSONResponse.make(VersionBody(version, previews: previews), headers: ["ETag": ETag.revision(version.revision)])
    }

    @Sendable func setStatus(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let input = try RequestJSON.decode(SetVersionStatusInput.self, from: req)
        guard let status = VersionStatus(rawValue: input.status) else {
            throw AtlasError.invalid("status", "'\(input.status)' is not one of: wip, review, approved, deprecated")
        }
        // The body is checked first: a request that can never succeed says why, whatever its If-Match.
        let expected = try req.expectedRevision()
        let change = req.change
        let version = try await req.atlasDatabase.write { sql in
            let before = try await VersionRows.fetch(asset: assetID, number: number, on: sql)
            let after = try await AssetRepository.setStatus(assetID, version: number, to: status, expectedRevision: expected,
                                                            change: change, on: sql)
            try await AuditLog.record(change, kind: "version", id: after.stamp.id, before: VersionBody(before), after: VersionBody(after), on: sql)
            return after
        }
        return try JSONResponse.make(VersionBody(version), headers: ["ETag": ETag.revision(version.revision)])
    }

    @Sendable func revert(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let body = req.body.data.map { Data(buffer: $0) } ?? Data()
        let input = body.isEmpty ? RevertInput(comment: nil) : try RequestJSON.decode(RevertInput.self, from: body)
        if let comment = input.comment, comment.count > VersionDraft.maxCommentLength {
            throw AtlasError.invalid("comment", "must be at most \(VersionDraft.maxCommentLength) characters")
        }
        let creation = try IdempotentCreate(req, content: body)
        if let replayed = try await creation.replay() { return replayed }
        let change = creation.change
        return try await creation.run(auditing: "version") { sql in
            let (asset, version) = try await AssetRepository.revert(assetID, to: number, comment: input.comment, change: change, on: sql)
            return try CreatedResponse(VersionBody(version, previews: .pending), location: APIPaths.version(asset: assetID, number: version.number),
                                       etag: ETag.revision(asset.revision))
        }
    }

    @Sendable func diff(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let query = req.queryParameters
        try query.requireOnly(["from", "to"])
        let sql = req.atlasDatabase.sql
        let asset = try await AssetRows.fetch(assetID, on: sql)
        var errors: [FieldError] = []
        let to = query.integer("to", default: asset.latestVersion, range: 1...asset.latestVersion).collect(into: &errors)
        let from = query.integer("from", default: max(1, (to ?? 1) - 1), range: 1...asset.latestVersion).collect(into: &errors)
        guard errors.isEmpty, let from, let to else { throw AtlasError.validation(errors) }
        let old = try await VersionRows.fetch(asset: assetID, number: from, on: sql)
        let new = try await VersionRows.fetch(asset: assetID, number: to, on: sql)
        let files = { (version: AssetVersion) in Dictionary(version.files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a }) }
        let body = VersionDiffBody(
            assetID: assetID.lowercased, from: from, to: to,
            metadata: MetadataDiff(from: old.stamp.metadata, to: new.stamp.metadata),
            files: FileDiff(from: files(old), to: files(new)),
            status: old.status == new.status ? nil
                : MetadataDiff.Change(from: .string(old.status.rawValue), to: .string(new.status.rawValue)))
        return try JSONResponse.make(body)
    }
}
