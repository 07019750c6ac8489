import AtlasCore

extension ComfyUIClient {
    /// `POST /interrupt {"prompt_id": id}`: stops the prompt only if it is the one running.
    /// Always a targeted body: an empty or malformed one interrupts whatever runs.
    public func interrupt(promptID: String) async throws {
        let reply = try await send(.POST, "/interrupt", body: .json(["prompt_id": .string(promptID)]))
        try reply.expect(200)
    }

    /// `POST /queue {"delete": [...]}`: removes pending prompts. Running or unknown ids are ignored.
    public func deleteFromQueue(_ promptIDs: [String]) async throws {
        let reply = try await send(.POST, "/queue", body: .json(["delete": .array(promptIDs.map(JSONValue.string))]))
        try reply.expect(200)
    }

    /// Cancels a prompt wherever it is: removed if pending, interrupted if running, then confirmed
    /// through `/api/jobs/{id}` (both calls answer 200 whether or not they did anything).
    ///
    /// An interrupt takes effect only when the running node reports progress or ends, so
    /// confirmation may take as long as the slowest node; after `confirmWithin` the last state is returned.
    public func cancel(promptID: String, confirmWithin: Duration = .seconds(30),
                       pollInterval: Duration = .milliseconds(200)) async throws -> ComfyUICancellation {
        let clock = ContinuousClock()
        let deadline = clock.now + confirmWithin
        var acted = false
        var interrupted = false
        while true {
            guard let job = try await job(promptID) else { return acted ? .removedFromQueue : .notFound }
            switch job.status {
            case .pending: try await deleteFromQueue([promptID])
            case .inProgress where !interrupted:
                try await interrupt(promptID: promptID)
                interrupted = true
            case .inProgress: break
            case .cancelled: return .interrupted(job.interruption ?? ComfyUIInterruption(promptID: promptID))
            case .completed, .failed: return .alreadyFinished(job.status)
            }
            acted = true
            if clock.now >= deadline { return .unconfirmed(job.status) }
            try await Task.sleep(for: pollInterval)
        }
    }

    /// Takes back a prompt Atlas does not want any more, without waiting: pending or running, one
    /// of the two calls applies and the other is a no-op.
    func withdraw(promptID: String) async throws {
        try await deleteFromQueue([promptID])
        try await interrupt(promptID: promptID)
    }
}
