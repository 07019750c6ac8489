import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("Every route, with every role, as member and non-member, answers as the permission table says")
struct PermissionWalkTests {
    @Test("The route × role × membership walk agrees with PermissionTable, and every allowed change is audited",
          .timeLimit(.minutes(5)), arguments: TestDatabase.available)
    func walk(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let fx = try await AccessWalkFixture.make(t)
            let operations = try await registeredOperations(t)
            #expect(operations.count >= 50, "the walk found only \(operations.count) routes")
            for operation in operations {
                guard let action = Action(rawValue: operation.action) else {
                    Issue.record("\(operation.id) declares action '\(operation.action)', which AtlasCore does not know")
                    continue
                }
                guard PermissionTable.rule(for: action) != nil else {
                    Issue.record("\(operation.id): action \(action) has no entry in PermissionTable")
                    continue
                }
                guard let sample = AccessWalkSamples.all[operation.id] else {
                    Issue.record("\(operation.id) (\(operation.method) \(operation.path)) has no sample request in AccessWalkSamples")
                    continue
                }
                for caller in fx.callers {
                    try await check(operation, action: action, caller: caller, request: try await sample(fx, caller), t)
                }
            }
        }
    }

    private func check(_ operation: RegisteredOperation, action: Action, caller: WalkCaller, request: WalkRequest, _ t: AtlasTestApp) async throws {
        let expected = PermissionTable.decide(action, role: caller.role, isMember: caller.isMember)
        let auditedBefore = try await auditCount(operation.id, t)
        var headers = request.headers
        if let account = caller.account, !headers.contains(name: .authorization) {
            headers.add(name: .authorization, value: "Bearer \(account.key)")
        }
        let response = try await t.anonymousClient.send(request.method, request.path, headers: headers,
                                                        body: request.body.map { ByteBuffer(data: $0) })
        let status = response.status.code
        let said = "\(operation.id) as \(caller): \(response.status) \(response.text.prefix(300))"
        let readable = request.method != .HEAD
        switch expected {
        case .authenticate:
            #expect(status == 401, "expected 401: \(said)")
            #expect(response.headers.first(name: .wwwAuthenticate) != nil, "401 without WWW-Authenticate: \(said)")
            if readable { #expect(response.problemCode == "authentication_required", "\(said)") }
        case .forbid:
            #expect(status == 403, "expected 403: \(said)")
            if readable { #expect(response.problemCode == "permission_denied", "\(said)") }
        case .conceal:
            #expect(status == 404, "expected 404 (concealed): \(said)")
            if readable { #expect(response.problemCode?.hasSuffix("_not_found") == true, "\(said)") }
        case .allow:
            let succeeded = status < 400
            #expect(succeeded || request.allowedStatus.contains(status), "expected success: \(said)")
            if succeeded, ![.GET, .HEAD].contains(request.method) {
                let audited = try await auditCount(operation.id, t)
                #expect(audited > auditedBefore, "\(operation.id) as \(caller) changed something but wrote no audit entry")
            }
        }
    }

    /// Entries in the audit log for `action` (the operationId).
    private func auditCount(_ action: String, _ t: AtlasTestApp) async throws -> Int {
        let page = try await t.client.get("/api/v1/audit?action=\(action)&limit=500")
        return page.json["items"]?.array.count ?? 0
    }
}

/// A route as the application registered it, with its operation in the OpenAPI document.
struct RegisteredOperation: Sendable {
    var method: String
    var path: String
    var id: String
    var action: String
}

/// Every route the application registered (not merely declared), named by its OpenAPI operation.
func registeredOperations(_ t: AtlasTestApp) async throws -> [RegisteredOperation] {
    let document = try await t.client.get("/api/v1/openapi.json").json
    return t.app.routes.all.map { route in
        let path = route.documentedPath
        let operation = document["paths"]?[path]?[route.method.rawValue.lowercased()]
        return RegisteredOperation(method: route.method.rawValue, path: path, id: operation?["operationId"]?.string ?? "\(route.method) \(path)",
                                   action: operation?["x-atlas-action"]?.string ?? "(none)")
    }
}
