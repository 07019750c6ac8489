import AtlasCore
import SQLKit

/// A job context that makes a database change exactly once per job, however often the job is tried.
///
/// A worker can die after its handler's effect but before the job is marked done; the job's lease
/// then runs out, another worker claims it and the handler runs again. `once` makes that second
/// run harmless for effects that are database changes (filing an asset, attaching a preview): the
/// change and the record that it was made are one transaction, so both happen or neither does,
/// and a later try finds the record and skips the change.
///
/// Effects outside the database (files written, requests to other services) cannot join that
/// transaction. They must themselves be idempotent, keyed by the job's id — a blob stored under
/// its content hash, a request that carries the job id as its idempotency key — and are best
/// done before `once`, whose body then records in the database what they made.
///
/// The record belongs to the job, not to a try: a failed job retried from the API does not apply
/// an effect it already applied.
protocol DatabaseJobContext: JobContext {
    /// The database, for what the handler reads before its effect.
    var database: AtlasDatabase { get }

    /// Runs `body` and records `effect` for this job in one database write, unless an earlier try
    /// of the job recorded it already.
    ///
    /// `body` must make its changes on the `SQLDatabase` it is given: that is the transaction the
    /// record joins. Starting a write of its own instead would not be atomic with the record (and
    /// on SQLite would wait behind itself). Name each distinct change: a handler that files an
    /// asset and then attaches its preview in separate steps uses two names.
    ///
    /// - Returns: true when `body` ran and its change is committed with the record; false when an
    ///   earlier try applied the effect, in which case `body` did not run.
    /// - Throws: what `body` threw, or a database error. Neither its change nor the record is kept,
    ///   so a later try runs `body` again.
    func once(_ effect: String, _ body: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws -> Bool
}
