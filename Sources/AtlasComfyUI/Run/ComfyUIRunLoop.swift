import AtlasCore
import Foundation
import NIOConcurrencyHelpers

/// Follows one submitted prompt to its end: applies its frames, and asks `/api/jobs/{id}` when
/// the socket drops, falls silent or ends unclearly.
///
/// After a drop it reconnects with a *new* client id: frames of the prompt went to the old id and
/// are gone, and reusing an id whose old socket may still be closing on the server makes the new
/// socket deaf (PROTOCOL §4). The new socket only brings `status` broadcasts, which say the queue
/// moved and so when to look again.
struct ComfyUIRunLoop: Sendable {
    enum Event: Sendable {
        case socket(ComfyUIEventSocket.Event, generation: Int)
        case tick
    }

    let client: ComfyUIClient
    let promptID: String
    let expectedOutputs: [String]
    let options: ComfyUIRunOptions
    let events: AsyncStream<Event>
    let sink: AsyncStream<Event>.Continuation
    let progress: AsyncStream<ComfyUIProgress>.Continuation
    let cancelRequested: NIOLockedValueBox<Bool>
    private var tracker: ComfyUIRunTracker
    private var socket: ComfyUIEventSocket?
    private var generation = 0
    /// The socket that carried the prompt's frames is gone; only `/api/jobs` can tell the end.
    private var detached = false
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastHeard: ContinuousClock.Instant
    private var unreachableSince: ContinuousClock.Instant?

    init(client: ComfyUIClient, promptID: String, nodeIDs: some Sequence<String>, expectedOutputs: [String], options: ComfyUIRunOptions,
         events: AsyncStream<Event>, sink: AsyncStream<Event>.Continuation, socket: ComfyUIEventSocket,
         progress: AsyncStream<ComfyUIProgress>.Continuation, cancelRequested: NIOLockedValueBox<Bool>) {
        self.client = client
        self.promptID = promptID
        self.expectedOutputs = expectedOutputs
        self.options = options
        self.events = events
        self.sink = sink
        self.socket = socket
        self.progress = progress
        self.cancelRequested = cancelRequested
        self.tracker = ComfyUIRunTracker(promptID: promptID, nodeIDs: nodeIDs)
        self.started = clock.now
        self.lastHeard = clock.now
    }

    mutating func run() async -> Result<ComfyUIRunResult, ComfyUIError> {
        let ticker = Task { [sink, interval = options.pollInterval] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                sink.yield(.tick)
            }
        }
        let outcome = await follow()
        ticker.cancel()
        sink.finish()
        progress.finish()
        await socket?.close()
        return outcome
    }

    private mutating func follow() async -> Result<ComfyUIRunResult, ComfyUIError> {
        for await event in events {
            if let outcome = await handle(event) { return outcome }
        }
        // The stream ends early only when the task that follows is cancelled.
        return await cancelOnServer()
    }

    private mutating func handle(_ event: Event) async -> Result<ComfyUIRunResult, ComfyUIError>? {
        switch event {
        case .socket(.message(let message), let from) where from == generation:
            return await apply(message)
        case .socket(.closed, let from) where from == generation:
            socket = nil
            detached = true
            return await reconcile()
        case .socket:
            return nil
        case .tick:
            return await tick()
        }
    }

    private mutating func apply(_ message: ComfyUIMessage) async -> Result<ComfyUIRunResult, ComfyUIError>? {
        guard tracker.apply(message) else {
            if detached, case .status = message { return await reconcile() }
            return nil
        }
        lastHeard = clock.now
        progress.yield(tracker.progress)
        switch tracker.ending {
        case .succeeded?: return await succeed(reconciled: false)
        case .failed(let error)?: return .failure(.executionFailed(error))
        case .interrupted(let interruption)?: return .failure(.interrupted(interruption))
        case .over?: return await reconcile()
        case nil: return nil
        }
    }

    private mutating func tick() async -> Result<ComfyUIRunResult, ComfyUIError>? {
        if let limit = options.runTimeout, clock.now - started > limit {
            await withdrawOnServer()
            return .failure(.timedOut(promptID: promptID, seconds: Double(limit.components.seconds)))
        }
        if detached {
            if socket == nil { await reconnect() }
            return await reconcile()
        }
        guard clock.now - lastHeard > options.silenceTimeout else { return nil }
        lastHeard = clock.now
        return await reconcile()
    }

    private mutating func reconnect() async {
        generation += 1
        let current = generation
        socket = try? await ComfyUIEventSocket.connect(client: client, clientID: UUID().uuidString.lowercased(),
                                                       timeout: options.connectTimeout) { [sink] in
            sink.yield(.socket($0, generation: current))
        }
    }

    /// Asks `/api/jobs/{id}` where the prompt is; an outcome when it has ended or is lost.
    private mutating func reconcile() async -> Result<ComfyUIRunResult, ComfyUIError>? {
        let job: ComfyUIJob?
        do {
            job = try await client.job(promptID)
            unreachableSince = nil
        } catch {
            return unanswered(error)
        }
        guard let job else {
            if cancelRequested.withLockedValue({ $0 }) { return .failure(.interrupted(ComfyUIInterruption(promptID: promptID))) }
            return .failure(.lost(promptID: promptID, reason: "the server no longer knows it: it restarted, or the prompt was removed from its queue"))
        }
        switch job.status {
        case .pending, .inProgress: return nil
        case .completed: return await succeed(reconciled: true, job: job)
        case .failed:
            return .failure(.executionFailed(job.executionError ?? ComfyUIExecutionError(
                promptID: promptID, nodeID: "", nodeType: "", exceptionType: "", exceptionMessage: "the server reports the prompt failed")))
        case .cancelled: return .failure(.interrupted(job.interruption ?? ComfyUIInterruption(promptID: promptID)))
        }
    }

    private mutating func unanswered(_ error: any Error) -> Result<ComfyUIRunResult, ComfyUIError>? {
        let since = unreachableSince ?? clock.now
        unreachableSince = since
        guard clock.now - since >= options.unreachableGrace else { return nil }
        let reason = (error as? ComfyUIError)?.description ?? String(describing: error)
        return .failure(.lost(promptID: promptID, reason: "the server stopped answering: \(reason)"))
    }

    /// Success, once every expected output node has listed files, from the frames or else from
    /// `/api/jobs` (history is written a moment after `execution_success`).
    private mutating func succeed(reconciled: Bool, job: ComfyUIJob? = nil) async -> Result<ComfyUIRunResult, ComfyUIError> {
        var files = Self.merged(tracker.files, job?.outputFiles ?? [])
        let deadline = clock.now + options.outputGrace
        while !missingOutputs(in: files).isEmpty, clock.now < deadline, !Task.isCancelled {
            if let job = try? await client.job(promptID), job.status.isFinished {
                files = Self.merged(files, job.outputFiles)
                break
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        let missing = missingOutputs(in: files)
        guard missing.isEmpty else { return .failure(.outputsMissing(promptID: promptID, nodes: missing)) }
        return .success(ComfyUIRunResult(promptID: promptID, files: files, cachedNodes: tracker.cachedNodes, reconciled: reconciled))
    }

    private func missingOutputs(in files: [ComfyUIOutputFile]) -> [String] {
        let present = Set(files.map(\.node))
        return expectedOutputs.filter { !present.contains($0) }
    }

    private static func merged(_ first: [ComfyUIOutputFile], _ second: [ComfyUIOutputFile]) -> [ComfyUIOutputFile] {
        var seen = Set(first)
        return first + second.filter { seen.insert($0).inserted }
    }

    /// The following task was cancelled: take the prompt back and confirm, in a task of its own
    /// because the cancelled one can make no more requests.
    private func cancelOnServer() async -> Result<ComfyUIRunResult, ComfyUIError> {
        let (client, promptID, confirm) = (client, promptID, options.cancelConfirmation)
        let cancellation = await Task { try? await client.cancel(promptID: promptID, confirmWithin: confirm) }.value
        if case .interrupted(let interruption)? = cancellation { return .failure(.interrupted(interruption)) }
        return .failure(.interrupted(ComfyUIInterruption(promptID: promptID)))
    }

    private func withdrawOnServer() async {
        let (client, promptID) = (client, promptID)
        await Task { try? await client.withdraw(promptID: promptID) }.value
    }
}
