import AtlasCore
import Foundation
import Vapor

/// `/api/v1/secrets`: keys of outside services (a ComfyUI API key, …), stored sealed. Their
/// values go in and are used by the server; no route gives them back.
struct SecretController: Sendable {
    static let maxValueLength = 16 * 1024

    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.listSecrets, use: list)
        routes.on(Endpoints.putSecret, use: put)
        routes.on(Endpoints.deleteSecret, use: delete)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let entries = try await SecretRepository.list(on: req.atlasDatabase.sql)
        return try JSONResponse.make(ListBody(items: entries.map { SecretBody(name: $0.name, updatedAt: $0.updatedAt, updatedBy: $0.updatedBy) },
                                              nextCursor: nil))
    }

    @Sendable func put(_ req: Request) async throws -> Response {
        let name = try Self.name(req)
        let input = try RequestJSON.decode(SecretInput.self, from: req)
        guard (1...Self.maxValueLength).contains(input.value.utf8.count) else {
            throw AtlasError.invalid("value", "must be 1 to \(Self.maxValueLength) bytes")
        }
        let sealed = try req.atlas.secrets.seal(input.value, name: name)
        let change = req.change
        let created = try await req.atlasDatabase.write { sql in
            let created = try await SecretRepository.put(name, sealed: sealed, change: change, on: sql)
            // The audit log names the secret, never its value.
            try await AuditLog.record(change, kind: "secret", id: name, after: ["name": .string(name), "replaced": .bool(!created)] as JSONValue, on: sql)
            return created
        }
        return try JSONResponse.make(SecretBody(name: name, updatedAt: change.at, updatedBy: change.by), status: created ? .created : .ok)
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let name = try Self.name(req)
        let change = req.change
        try await req.atlasDatabase.write { sql in
            try await SecretRepository.delete(name, on: sql)
            try await AuditLog.record(change, kind: "secret", id: name, before: ["name": name], on: sql)
        }
        return Response(status: .noContent)
    }

    /// Secret names are identifiers such as `comfyui.api_key`.
    private static func name(_ req: Request) throws -> String {
        let name = req.parameters.get("name") ?? ""
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (1...100).contains(name.count), name.allSatisfy(allowed.contains) else {
            throw AtlasError.invalid("name", "use 1 to 100 lowercase letters, digits, '.', '_' or '-'")
        }
        return name
    }
}
