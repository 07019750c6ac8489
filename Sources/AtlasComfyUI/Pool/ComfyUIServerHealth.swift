/// Whether a server of the pool answers.
public enum ComfyUIServerHealth: Sendable, Equatable {
    /// Not checked yet.
    case unknown
    case up
    /// The last check or run failed for this reason; the next good check brings it back.
    case down(reason: String)
}
