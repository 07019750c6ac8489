import AtlasCore
import FluentKit

/// Turns a uniqueness constraint the database enforced into the conflict the API promises.
///
/// The repositories check uniqueness first to give a clear answer, but two requests can pass
/// that check at once on PostgreSQL; the constraint then decides, and its error must still
/// reach the client as the same 409, not as a server error.
enum UniqueViolation {
    static func map<T>(to conflict: AtlasError, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw conflict
        }
    }
}
