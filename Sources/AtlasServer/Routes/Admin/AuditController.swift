import AtlasCore
import Foundation
import Vapor

/// `/api/v1/audit`: administrators read the audit log. There is no route that changes it.
struct AuditController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.listAudit, use: list)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let query = try AuditQuery.parse(req.queryParameters)
        let page = try await AuditLog.list(query, on: req.atlasDatabase.sql)
        return try JSONResponse.make(ListBody(items: page.items.map(AuditEntryBody.init), nextCursor: page.nextCursor))
    }
}
