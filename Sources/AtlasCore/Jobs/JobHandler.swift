import Foundation

/// What a job kind does. Register one per kind; the runner calls `run` on a worker, with a
/// context to report progress through. A handler's effects must be idempotent, keyed by the
/// job's id: a worker that dies after the effect but before the job is marked done means the
/// job runs again.
public protocol JobHandler: Sendable {
    /// The kind this handler runs, e.g. `preview.make`.
    var kind: String { get }
    /// Does the work. Throwing fails this try (retried with back-off up to the job's
    /// `max_attempts`); task cancellation means the job was cancelled. The value returned is
    /// stored as the job's result.
    func run(_ job: JobRun, context: any JobContext) async throws -> JSONValue?
}

/// The parts of a job its handler sees.
public struct JobRun: Sendable {
    public var id: UUID
    public var kind: String
    public var payload: JSONValue
    /// 1 for the first try.
    public var attempt: Int
    public var projectID: UUID?

    public init(id: UUID, kind: String, payload: JSONValue, attempt: Int, projectID: UUID?) {
        self.id = id
        self.kind = kind
        self.payload = payload
        self.attempt = attempt
        self.projectID = projectID
    }
}

/// How a running handler talks back to the queue.
public protocol JobContext: Sendable {
    /// Records progress (0…1) and an optional message for people watching the job.
    func report(progress: Double, message: String?) async throws
}

/// A failure that trying again cannot fix (bad payload): the job ends `failed` at once.
public struct PermanentJobFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
