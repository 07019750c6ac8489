import AtlasCore
import Foundation
import SQLKit
import Vapor

/// Health, readiness and the OpenAPI document.
struct SystemController: Sendable {
    struct HealthBody: Encodable, Sendable {
        var status: String
        var database: String?
    }

    let openAPIDocument: Data

    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.health) { _ in try JSONResponse.make(HealthBody(status: "ok")) }
        routes.on(Endpoints.readiness, use: ready)
        let document = openAPIDocument
        routes.on(Endpoints.openAPI) { _ in
            Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: document))
        }
    }

    /// Ready when the database answers a query and the blob store can be read.
    @Sendable func ready(_ req: Request) async throws -> Response {
        let sql = req.atlasDatabase.sql
        do {
            _ = try await sql.raw("SELECT 1 AS ok").first()
            _ = req.atlas.blobs.contains(ContentHash(digest: [UInt8](repeating: 0, count: 32)))
        } catch {
            req.logger.warning("not ready: \(error)")
            throw AtlasError(code: "not_ready", status: 503, title: "Not ready", detail: "The database does not answer.")
        }
        return try JSONResponse.make(HealthBody(status: "ok", database: sql.dialect.name))
    }
}
