import AtlasCore
import Foundation
import Vapor

/// `GET …/versions/{number}/inspection`: what the `version.inspect` job found in the version's
/// files. It names source paths, so it is for those who may read the files (not Clients).
struct InspectionController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.getInspection, use: get)
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let sql = req.atlasDatabase.sql
        let version = try await VersionRows.fetch(asset: assetID, number: number, on: sql)
        guard let stored = try await InspectionRepository.find(version: version.stamp.id, on: sql) else {
            return try JSONResponse.make(InspectionBody(status: "pending", errors: 0, warnings: 0, inspectedAt: nil, files: [], sequences: []))
        }
        guard case .object(let report) = stored.report else { throw AtlasError.internalError(requestID: req.id) }
        return try JSONResponse.make(InspectionBody(
            status: "done", errors: stored.errors, warnings: stored.warnings, inspectedAt: stored.inspectedAt,
            files: report["files"].flatMap { if case .array(let items) = $0 { items } else { nil } } ?? [],
            sequences: report["sequences"].flatMap { if case .array(let items) = $0 { items } else { nil } } ?? []))
    }
}

/// A version's inspection as the API shows it.
struct InspectionBody: Encodable, Sendable {
    var status: String
    var errors: Int
    var warnings: Int
    @Nullable var inspectedAt: Date?
    var files: [JSONValue]
    var sequences: [JSONValue]

    enum CodingKeys: String, CodingKey {
        case status, errors, warnings, files, sequences
        case inspectedAt = "inspected_at"
    }
}
