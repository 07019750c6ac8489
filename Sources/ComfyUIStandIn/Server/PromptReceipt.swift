import Foundation

/// A prompt the stand-in accepted, with when it arrived, started and finished: what a benchmark
/// needs to tell the client's overhead from ComfyUI's own time.
public struct PromptReceipt: Sendable, Hashable {
    public var promptID: String
    /// When the `POST /prompt` request reached the handler (its body read).
    public var receivedAt: ContinuousClock.Instant
    /// The same moment on the wall clock, for comparing across processes.
    public var receivedDate: Date
    /// When the executor took it from the queue.
    public var startedAt: ContinuousClock.Instant?
    /// When its history entry was written.
    public var finishedAt: ContinuousClock.Instant?
}

/// Every accepted prompt, in arrival order.
actor ReceiptLog {
    private var receipts: [PromptReceipt] = []

    func received(_ promptID: String, at instant: ContinuousClock.Instant, date: Date) {
        receipts.append(PromptReceipt(promptID: promptID, receivedAt: instant, receivedDate: date))
    }

    func started(_ promptID: String) {
        guard let index = receipts.lastIndex(where: { $0.promptID == promptID && $0.startedAt == nil }) else { return }
        receipts[index].startedAt = .now
    }

    func finished(_ promptID: String) {
        guard let index = receipts.lastIndex(where: { $0.promptID == promptID && $0.finishedAt == nil }) else { return }
        receipts[index].finishedAt = .now
    }

    var all: [PromptReceipt] { receipts }
}
