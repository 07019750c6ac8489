import AtlasCore
import NIOConcurrencyHelpers

/// A prompt submitted to one server and followed until it ends: progress as it goes, then its
/// result. Made by `ComfyUIClient.start(_:promptID:expectedOutputs:extraData:options:)`.
///
/// The WebSocket is the fast path; `/api/jobs/{id}` is the source of truth after a dropped socket,
/// a silence or an unclear end (PROTOCOL §5).
public final class ComfyUIRun: Sendable {
    public let promptID: String
    public let client: ComfyUIClient
    public let submission: ComfyUISubmission
    /// Progress snapshots, newest kept when the reader is slow; finishes when the run ends.
    public let progress: AsyncStream<ComfyUIProgress>
    private let following: Task<Result<ComfyUIRunResult, ComfyUIError>, Never>
    private let cancelRequested: NIOLockedValueBox<Bool>

    init(promptID: String, client: ComfyUIClient, submission: ComfyUISubmission, progress: AsyncStream<ComfyUIProgress>,
         cancelRequested: NIOLockedValueBox<Bool>, following: Task<Result<ComfyUIRunResult, ComfyUIError>, Never>) {
        self.promptID = promptID
        self.client = client
        self.submission = submission
        self.progress = progress
        self.cancelRequested = cancelRequested
        self.following = following
    }

    /// Waits for the end. Throws `ComfyUIError` — `.executionFailed`, `.interrupted`,
    /// `.outputsMissing`, and the server failures `.lost` and `.unreachable` that a pool retries
    /// elsewhere. Cancelling the waiting task cancels the prompt on the server, then throws
    /// `CancellationError`.
    public func result() async throws -> ComfyUIRunResult {
        let outcome = await withTaskCancellationHandler {
            await following.value
        } onCancel: {
            following.cancel()
        }
        try Task.checkCancellation()
        return try outcome.get()
    }

    /// Cancels the prompt on its server (removed if pending, interrupted if running) and confirms
    /// it; `result()` then throws `.interrupted`, unless the prompt finished first.
    @discardableResult
    public func cancel() async throws -> ComfyUICancellation {
        cancelRequested.withLockedValue { $0 = true }
        return try await client.cancel(promptID: promptID)
    }
}
