import Foundation

/// A running stand-in: where it listens, its folders, and the knobs tests turn while it runs.
public final class RunningStandIn: Sendable {
    /// `http://host:port`; every route is also under `/api`.
    public let url: URL
    /// The WebSocket endpoint, `ws://host:port/ws`; add `?clientId=…`.
    public let webSocketURL: URL
    public let folders: StandInFolders
    private let core: StandInCore
    private let front: LockedValue<HTTPFront?>
    private let host: String
    private let port: Int
    private let ownsRoot: Bool

    init(core: StandInCore, front: HTTPFront, host: String, folders: StandInFolders, ownsRoot: Bool) {
        self.core = core
        self.front = LockedValue(front)
        self.host = host
        port = front.port
        self.folders = folders
        self.ownsRoot = ownsRoot
        url = URL(string: "http://\(host):\(front.port)")!
        webSocketURL = URL(string: "ws://\(host):\(front.port)/ws")!
    }

    /// The faults in force.
    public var faults: StandInFaults { core.context.services.faults.current }

    /// Changes the faults; the executor sees the change at its next node or progress step.
    public func updateFaults(_ change: @Sendable (inout StandInFaults) -> Void) {
        core.context.services.faults.update(change)
    }

    /// Every prompt accepted so far, with when it arrived, started and finished.
    public func receivedPrompts() async -> [PromptReceipt] { await core.context.services.receipts.all }

    /// Running plus pending prompts (`queue_remaining`).
    public func queueRemaining() async -> Int { await core.context.queue.remaining }

    /// Stops listening and drops every WebSocket: connections are refused. The executor goes on
    /// with what was queued, as a server cut off by the network would.
    public func goDown() async {
        guard let current = front.update({ value in defer { value = nil }; return value }) else { return }
        await core.context.hub.closeAll()
        await current.stop()
    }

    /// Listens again on the same port. `restarted` makes it come back as a restarted ComfyUI:
    /// the running prompt, queue, history, cache and temp files are gone.
    public func comeBack(restarted: Bool = false) async throws {
        guard front.get() == nil else { throw StandInError.alreadyListening }
        if restarted { try await core.forgetEverything() }
        let started = try await HTTPFront.start(context: core.context, host: host, port: port)
        front.set(started)
    }

    /// Stops everything and removes the folders the stand-in made. Call once.
    public func shutdown() async {
        await goDown()
        await core.stop()
        if ownsRoot { try? FileManager.default.removeItem(at: folders.root) }
    }
}
