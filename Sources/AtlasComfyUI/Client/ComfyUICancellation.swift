/// How a cancel ended, as confirmed through `/api/jobs/{id}`.
public enum ComfyUICancellation: Sendable, Equatable {
    /// The prompt was pending and is gone from the queue.
    case removedFromQueue
    /// The prompt was running and stopped.
    case interrupted(ComfyUIInterruption)
    /// The prompt finished (`completed` or `failed`) before the cancel took effect.
    case alreadyFinished(ComfyUIJobStatus)
    /// The server never knew the prompt, or had already forgotten it.
    case notFound
    /// The interrupt was sent but the prompt was still in this state when confirmation gave up.
    case unconfirmed(ComfyUIJobStatus)
}
