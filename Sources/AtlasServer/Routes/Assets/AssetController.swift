import AtlasCore
import AtlasStorage
import Foundation
import SQLKit
import Vapor

/// `/api/v1/assets`: create (with the first version), list and search, get, update, delete and restore, tags.
struct AssetController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.createAsset, use: create)
        routes.on(Endpoints.listAssets, use: list)
        routes.on(Endpoints.getAsset, use: get)
        routes.on(Endpoints.updateAsset, use: update)
        routes.on(Endpoints.deleteAsset) { try await setDeleted($0, true) }
        routes.on(Endpoints.restoreAsset) { try await setDeleted($0, false) }
        routes.on(Endpoints.addTags, use: addTags)
        routes.on(Endpoints.removeTag, use: removeTag)
        routes.on(Endpoints.listTags, use: listTags)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        try await UploadedCreate.respond(to: req, auditing: "asset", validate: draft,
                                         authorize: { try await req.authorize(.writeAsset, project: $0.asset.projectID) }) { draft, change, sql in
            let (asset, first) = try await AssetRepository.create(draft.asset, firstVersion: draft.version, change: change, on: sql)
            return try CreatedResponse(AssetBody(asset, latest: first), location: APIPaths.asset(asset.stamp.id),
                                       etag: ETag.revision(asset.revision))
        }
    }

    /// A new asset and its first version, validated from an upload, every problem reported at once.
    private func draft(_ upload: ReceivedUpload, store: any BlobStore) throws -> (asset: NewAsset, version: NewVersion) {
        let input = try RequestJSON.decode(CreateAssetInput.self, from: upload.json)
        var errors: [FieldError] = []
        let name = FieldRules.name(input.name).collect(into: &errors)
        let type = parseType(input.type, errors: &errors)
        let description = FieldRules.description(input.description ?? "").collect(into: &errors)
        let tags = FieldRules.tags(input.tags ?? []).collect(into: &errors)
        let metadata = MetadataRule.check(input.metadata).collect(into: &errors)
        let version = VersionDraft.make(upload: upload, declared: input.files, comment: input.comment, status: input.status,
                                        metadata: input.versionMetadata, metadataField: "version_metadata",
                                        store: store, errors: &errors)
        guard errors.isEmpty, let name, let type, let description, let tags, let metadata, let version else {
            throw AtlasError.validation(errors)
        }
        let asset = NewAsset(projectID: input.projectID, name: name, type: type, format: input.format?.lowercased(),
                             description: description, tags: tags, metadata: metadata)
        return (asset, version)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        var query = try AssetQuery.parse(req.queryParameters)
        let result: AssetSearch.Result
        if let projects = ProjectScope.restrict(query.projectIDs, to: try await req.visibleProjects()) {
            query.projectIDs = projects
            result = try await AssetSearch(sql: req.atlasDatabase.sql).run(query)
        } else {
            result = AssetSearch.Result(page: Page(items: [], nextCursor: nil), facets: [:])
        }
        let previews = try await GeneratedPreviewRepository.latest(of: result.page.items, on: req.atlasDatabase.sql)
        var body = AssetListBody(items: result.page.items.map { AssetBody($0, previews: previews[$0.stamp.id]) },
                                 nextCursor: result.page.nextCursor?.encoded)
        if !query.facets.isEmpty {
            body.facets = Dictionary(uniqueKeysWithValues: query.facets.map { facet in
                (facet.rawValue, (result.facets[facet] ?? []).map { AssetListBody.FacetCount(value: $0.value, count: $0.count) })
            })
        }
        return try JSONResponse.make(body)
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let id = try req.objectID("asset_id", kind: "asset")
        let sql = req.atlasDatabase.sql
        let asset = try await AssetRows.fetch(id, on: sql)
        let latest = try await VersionRows.fetch(asset: id, number: asset.latestVersion, on: sql)
        return try respond(asset, latest: latest)
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.objectID("asset_id", kind: "asset")
        let input = try RequestJSON.decode(UpdateAssetInput.self, from: req)
        var errors: [FieldError] = []
        let name = input.name.flatMap { FieldRules.name($0).collect(into: &errors) }
        let type = input.type.flatMap { parseType($0, errors: &errors) }
        let description = input.description.flatMap { FieldRules.description($0).collect(into: &errors) }
        let tags = input.tags.flatMap { FieldRules.tags($0).collect(into: &errors) }
        let metadata = input.metadata.flatMap { MetadataRule.check($0).collect(into: &errors) }
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
        // The body is checked first: a request that can never succeed says why, whatever its If-Match.
        let expected = try req.expectedRevision()
        let asset = try await auditedWrite(req, id) { sql, change in
            try await AssetRepository.update(id, expectedRevision: expected, change: change, on: sql) { asset in
                if let name { asset.stamp.name = name }
                if let type { asset.type = type }
                if let description { asset.description = description }
                if let tags { asset.tags = tags }
                if let metadata { asset.stamp.metadata = metadata }
            }
        }
        return try respond(asset)
    }

    private func setDeleted(_ req: Request, _ deleted: Bool) async throws -> Response {
        let id = try req.objectID("asset_id", kind: "asset")
        let asset = try await auditedWrite(req, id) { sql, change in
            try await AssetRepository.setDeleted(id, deleted, change: change, on: sql)
        }
        return try respond(asset)
    }

    @Sendable func addTags(_ req: Request) async throws -> Response {
        let id = try req.objectID("asset_id", kind: "asset")
        let input = try RequestJSON.decode(TagsInput.self, from: req)
        let added = try FieldRules.tags(input.tags).get()
        let asset = try await auditedWrite(req, id) { sql, change in
            try await AssetRepository.update(id, expectedRevision: nil, change: change, on: sql) { asset in
                asset.tags = Array(Set(asset.tags).union(added)).sorted()
                guard asset.tags.count <= FieldRules.maxTagsPerAsset else {
                    throw AtlasError.invalid("tags", "at most \(FieldRules.maxTagsPerAsset) tags per asset")
                }
            }
        }
        return try respond(asset)
    }

    @Sendable func removeTag(_ req: Request) async throws -> Response {
        let id = try req.objectID("asset_id", kind: "asset")
        let tag = try FieldRules.tag(req.parameters.get("tag") ?? "", field: "tag").get()
        let asset = try await auditedWrite(req, id) { sql, change in
            try await AssetRepository.update(id, expectedRevision: nil, change: change, on: sql) { asset in
                guard asset.tags.contains(tag) else { throw AtlasError.notFound("tag", "'\(tag)' on asset \(id)") }
                asset.tags.removeAll { $0 == tag }
            }
        }
        return try respond(asset)
    }

    @Sendable func listTags(_ req: Request) async throws -> Response {
        let query = req.queryParameters
        try query.requireOnly(["project_id", "prefix", "limit"])
        var errors: [FieldError] = []
        let projects = query.uuidList("project_id").collect(into: &errors) ?? []
        let limit = query.integer("limit", default: 100, range: 1...Paging.maxLimit).collect(into: &errors) ?? 100
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
        let prefix = query.value("prefix")?.lowercased()
        guard let scope = ProjectScope.restrict(projects, to: try await req.visibleProjects()) else {
            return try JSONResponse.make(TagListBody(items: []))
        }
        let counts = try await TagRepository.counts(projectIDs: scope, prefix: prefix, limit: limit, on: req.atlasDatabase.sql)
        return try JSONResponse.make(TagListBody(items: counts.map { .init(tag: $0.tag, count: $0.count) }))
    }

    /// Runs `change` on asset `id` and records it, before and after, in the same transaction.
    private func auditedWrite(_ req: Request, _ id: UUID,
                              _ write: @escaping @Sendable (any SQLDatabase, Change) async throws -> Asset) async throws -> Asset {
        let change = req.change
        return try await req.atlasDatabase.write { sql in
            let before = try await AssetRows.fetch(id, on: sql)
            let after = try await write(sql, change)
            try await AuditLog.record(change, kind: "asset", id: id, before: AssetBody(before), after: AssetBody(after), on: sql)
            return after
        }
    }

    private func parseType(_ text: String, errors: inout [FieldError]) -> AssetType? {
        guard let type = AssetType(rawValue: text) else {
            errors.append(FieldError(field: "type", message: "'\(text)' is not one of: \(AssetType.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        return type
    }

    private func respond(_ asset: Asset, latest: AssetVersion? = nil) throws -> Response {
        try JSONResponse.make(AssetBody(asset, latest: latest), headers: ["ETag": ETag.revision(asset.revision)])
    }
}
