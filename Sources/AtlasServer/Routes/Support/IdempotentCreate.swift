import AtlasCore
import Crypto
import Foundation
import SQLKit
import Vapor

/// Creating requests with `Idempotency-Key`: a retry with the same key and the same request
/// gets the first response back and creates nothing; the key is stored in the same
/// transaction as what it created, so a crash cannot separate them.
struct IdempotentCreate {
    let request: Request
    let key: String?
    let scope: String
    let fingerprint: String
    /// The change this request makes, for stamps and the audit log.
    let change: Change

    /// - Parameter content: what identifies the request beyond its method and path (the body, or the upload's fields and file hashes).
    init(_ request: Request, content: Data) throws {
        self.request = request
        self.key = request.headers.first(name: "Idempotency-Key")
        // Keys belong to the account that sent them: another account's retry never sees this one's response.
        let owner = request.principal?.userID.lowercased ?? "anonymous"
        self.scope = "\(owner) \(request.method.rawValue) \(request.url.path)"
        self.change = request.change
        self.fingerprint = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
        if let key, key.isEmpty || key.count > 255 {
            throw AtlasError.invalid("Idempotency-Key", "must be 1 to 255 characters")
        }
    }

    /// The stored response when this request was already made; nil when it is new.
    func replay() async throws -> Response? {
        guard let key else { return nil }
        guard let record = try await IdempotencyStore.find(scope: scope, key: key, on: request.atlasDatabase.sql) else {
            return nil
        }
        guard record.fingerprint == fingerprint else {
            throw AtlasError(code: "idempotency_key_reused", status: 422, title: "Idempotency key reused",
                             detail: "Idempotency-Key \(key) was already used for a different request. Use a new key for a new request.")
        }
        return CreatedResponse(record: record).response(replayed: true)
    }

    /// Runs `create` in one transaction with the key's record and the audit entry of the new
    /// object (of `kind`; its id and summary are read from the created body).
    func run(auditing kind: String, _ create: @escaping @Sendable (any SQLDatabase) async throws -> CreatedResponse) async throws -> Response {
        let key = self.key, scope = self.scope, fingerprint = self.fingerprint, change = self.change
        let now = change.at
        do {
            let created = try await request.atlasDatabase.write { sql in
                let created = try await create(sql)
                let body = try? JSONCoding.sharedDecoder.decode(JSONValue.self, from: created.body)
                var id: String?
                if case .object(let fields)? = body, case .string(let text)? = fields["id"] { id = text }
                try await AuditLog.record(change, kind: kind, id: id, after: body, on: sql)
                if let key {
                    let record = IdempotencyStore.Record(
                        fingerprint: fingerprint, status: Int(created.status.code),
                        body: String(decoding: created.body, as: UTF8.self), location: created.location, etag: created.etag)
                    try await IdempotencyStore.save(record, scope: scope, key: key, at: now, on: sql)
                }
                return created
            }
            return created.response()
        } catch {
            // A concurrent request with the same key committed first: answer as its retry.
            if key != nil, !(error is AtlasError), let replayed = try await replay() { return replayed }
            throw error
        }
    }
}
