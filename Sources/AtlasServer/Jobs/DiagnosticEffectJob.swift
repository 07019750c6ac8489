import AtlasCore

/// `diagnostic.effect`: applies one database effect through `DatabaseJobContext.once` (the
/// recorded row is the whole effect) and, when this try applied it, holds for `hold_ms`.
///
/// For operators checking that exactly-once effects survive dying workers, and for the tests
/// that kill workers on purpose: the hold is the window between the effect and the job being
/// marked done. Registered only with `ATLAS_DIAGNOSTIC_JOBS=true`.
///
/// Payload `{"hold_ms": Int}` (0 when absent); result `{"effect": "applied" | "already_applied", "attempt": N}`.
struct DiagnosticEffectJob: JobHandler {
    let kind = "diagnostic.effect"
    /// An hour: enough for any test or check, short enough that a mistyped hold frees its worker the same day.
    static let maxHoldMilliseconds = 3_600_000

    func run(_ job: JobRun, context: any JobContext) async throws -> JSONValue? {
        guard let context = context as? any DatabaseJobContext else {
            throw PermanentJobFailure("diagnostic.effect needs a worker with database effects")
        }
        let hold = try Self.holdMilliseconds(job.payload)
        let applied = try await context.once(kind) { _ in }
        // Only the try that applied the effect holds: a later try has nothing to wait for.
        if applied, hold > 0 { try await Task.sleep(for: .milliseconds(hold)) }
        return ["effect": applied ? "applied" : "already_applied", "attempt": .number(Double(job.attempt))]
    }

    static func holdMilliseconds(_ payload: JSONValue) throws -> Int {
        guard case .object(let members) = payload else { throw PermanentJobFailure("the payload is not a JSON object") }
        switch members["hold_ms"] {
        case nil, .null?:
            return 0
        case .number(let value)? where value == value.rounded() && (0...Double(maxHoldMilliseconds)).contains(value):
            return Int(value)
        default:
            throw PermanentJobFailure("hold_ms must be a whole number of milliseconds from 0 to \(maxHoldMilliseconds)")
        }
    }
}
