import AtlasCore
import Foundation
import SQLKit
import Vapor

/// Dependency edges of a version: declare, remove, and walk both ways.
struct DependencyController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.listDependencies, use: list)
        routes.on(Endpoints.addDependency, use: add)
        routes.on(Endpoints.removeDependency, use: remove)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let query = req.queryParameters
        try query.requireOnly(["direction", "transitive", "max_depth"])
        var errors: [FieldError] = []
        let direction = query.enumList("direction", as: DependencyRepository.Direction.self).collect(into: &errors)?.last ?? .dependencies
        let transitive = query.boolean("transitive").collect(into: &errors) ?? false
        let maxDepth = query.integer("max_depth", default: 50, range: 1...50).collect(into: &errors) ?? 50
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
        let sql = req.atlasDatabase.sql
        let version = try await VersionRows.fetch(asset: assetID, number: number, on: sql)
        let steps = try await DependencyRepository.walk(from: version.stamp.id, direction: direction,
                                                        maxDepth: transitive ? maxDepth : 1, on: sql)
        let ends = try await VersionEnds.load(steps.flatMap { [$0.edge.sourceVersionID, $0.edge.targetVersionID].compactMap { $0 } },
                                              visibleIn: try await req.visibleProjects(), on: sql)
        let items = steps.map { step in
            DependencyBody(id: step.edge.id.lowercased, kind: step.edge.kind, reference: step.edge.reference,
                           missing: step.edge.isMissing, depth: step.depth,
                           source: ends[step.edge.sourceVersionID],
                           target: step.edge.targetVersionID.flatMap { ends[$0] },
                           createdAt: step.edge.createdAt, createdBy: step.edge.createdBy)
        }
        return try JSONResponse.make(DependencyListBody(items: items, missing: items.filter(\.missing).count))
    }

    @Sendable func add(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let input = try RequestJSON.decode(AddDependencyInput.self, from: req)
        let kind = (input.kind ?? "reference").trimmingCharacters(in: .whitespaces).lowercased()
        guard (1...64).contains(kind.count) else { throw AtlasError.invalid("kind", "must be 1 to 64 characters") }
        let creation = try IdempotentCreate(req, content: Data(buffer: req.body.data ?? ByteBuffer()))
        if let replayed = try await creation.replay() { return replayed }
        let change = creation.change
        return try await creation.run(auditing: "dependency") { sql in
            let source = try await VersionRows.fetch(asset: assetID, number: number, on: sql)
            let (reference, target) = try await Self.resolve(input, on: sql)
            if target == source.stamp.id {
                throw AtlasError.invalid("version_id", "a version cannot depend on itself")
            }
            let edge = DependencyEdge(id: AtlasID.make(at: change.at), sourceVersionID: source.stamp.id, targetVersionID: target,
                                      reference: reference, kind: kind, createdAt: change.at, createdBy: change.by)
            try await DependencyRepository.add(edge, on: sql)
            let ends = try await VersionEnds.load([edge.sourceVersionID] + [target].compactMap { $0 }, on: sql)
            let body = DependencyBody(id: edge.id.lowercased, kind: edge.kind, reference: edge.reference, missing: edge.isMissing,
                                      depth: nil, source: ends[edge.sourceVersionID], target: target.flatMap { ends[$0] },
                                      createdAt: edge.createdAt, createdBy: edge.createdBy)
            return try CreatedResponse(body, location: APIPaths.version(asset: assetID, number: number) + "/dependencies", etag: nil)
        }
    }

    @Sendable func remove(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let dependencyID = try req.objectID("dependency_id", kind: "dependency")
        let change = req.change
        try await req.atlasDatabase.write { sql in
            let version = try await VersionRows.fetch(asset: assetID, number: number, on: sql)
            try await DependencyRepository.remove(dependencyID, from: version.stamp.id, on: sql)
            try await AuditLog.record(change, kind: "dependency", id: dependencyID,
                                      before: ["version_id": version.stamp.id.lowercased], on: sql)
        }
        return Response(status: .noContent)
    }

    /// What the input names, and the version it resolves to (nil: recorded as missing).
    private static func resolve(_ input: AddDependencyInput, on sql: any SQLDatabase) async throws -> (String, UUID?) {
        switch (input.versionID, input.assetID, input.reference) {
        case (let versionID?, nil, nil):
            let exists = try await VersionRows.fetch(id: versionID, on: sql) != nil
            return (versionID.lowercased, exists ? versionID : nil)
        case (nil, let assetID?, nil):
            let reference = "\(assetID.lowercased)@\(input.version.map(String.init) ?? "latest")"
            guard let row = try await sql.raw("SELECT latest_version FROM assets WHERE id = \(bind: assetID)").first() else {
                return (reference, nil)
            }
            let number = try input.version ?? row.decode(column: "latest_version", as: Int.self)
            let target = try? await VersionRows.fetch(asset: assetID, number: number, on: sql)
            return (reference, target?.stamp.id)
        case (nil, nil, let reference?):
            let trimmed = reference.trimmingCharacters(in: .whitespaces)
            guard (1...FieldRules.maxPathLength).contains(trimmed.count) else {
                throw AtlasError.invalid("reference", "must be 1 to \(FieldRules.maxPathLength) characters")
            }
            return (trimmed, nil)
        default:
            throw AtlasError.invalid("version_id", "give exactly one of version_id, asset_id (with an optional version), or reference")
        }
    }
}
