import AtlasCore
import AtlasStorage
import SQLKit
import Vapor

/// The one way an upload becomes something stored: read the body into staging, validate it,
/// answer a retried `Idempotency-Key` from its first response, put the blobs in place, and
/// create the records in one transaction. Whatever fails, the staged files go.
enum UploadedCreate {
    static func respond<Draft: Sendable>(
        to request: Request,
        auditing kind: String,
        validate: (ReceivedUpload, any BlobStore) throws -> Draft,
        authorize: (Draft) async throws -> Void = { _ in },
        create: @escaping @Sendable (Draft, Change, any SQLDatabase) async throws -> CreatedResponse
    ) async throws -> Response {
        let store = request.atlas.blobs
        let upload = try await UploadReader.read(request)
        do {
            let draft = try validate(upload, store)
            try await authorize(draft)
            let creation = try IdempotentCreate(request, content: upload.fingerprint)
            if let replayed = try await creation.replay() {
                upload.discard(from: store)
                return replayed
            }
            // Blobs go into place before the transaction: the database never names content that is not stored.
            try upload.commit(to: store)
            let change = creation.change
            return try await creation.run(auditing: kind) { sql in try await create(draft, change, sql) }
        } catch {
            upload.discard(from: store)
            throw error
        }
    }
}
