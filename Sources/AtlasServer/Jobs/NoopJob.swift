import AtlasCore

/// `noop`: does nothing and succeeds. What the queue benchmark measures, and a way for an
/// operator to check that workers are alive.
struct NoopJob: JobHandler {
    let kind = "noop"

    func run(_ job: JobRun, context: any JobContext) async throws -> JSONValue? {
        nil
    }
}
