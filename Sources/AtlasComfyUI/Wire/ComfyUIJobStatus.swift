/// Where a prompt is, as `GET /api/jobs/{id}` tells it.
public enum ComfyUIJobStatus: String, Sendable, Codable, CaseIterable {
    case pending
    case inProgress = "in_progress"
    case completed
    case failed
    case cancelled

    /// The prompt will not change any more.
    public var isFinished: Bool {
        self == .completed || self == .failed || self == .cancelled
    }
}
