import Foundation

/// Decides which stored events a reader may hand on, in `seq` order, when numbers can become
/// visible out of order.
///
/// On PostgreSQL a transaction takes its event's number when it inserts it and makes it
/// visible when it commits, so number 11 can be readable while 10 is still committing — or 10
/// may never appear, its transaction rolled back. Delivering 11 at once would let a client that
/// resumes "after 11" miss 10. So the reader holds everything behind a hole for a short
/// `patience`; a hole that outlasts it is treated as a rollback and stepped over, but
/// remembered for `lateWindow` in case its event appears after all (then it is delivered late,
/// out of order, rather than lost). This is the high-water-mark technique of event stores.
public struct EventSequencer: Sendable {
    /// Every number at or below it has been delivered or stepped over.
    public private(set) var watermark: Int64
    /// When the hole just above the watermark was first seen.
    private var holeSince: Date?
    /// Numbers stepped over, and when; re-read until `lateWindow` passes.
    public private(set) var skipped: [Int64: Date] = [:]
    public let patience: TimeInterval
    public let lateWindow: TimeInterval
    /// Bounds the memory of stepped-over numbers (a huge rollback is not tracked number by number).
    public static let maxSkipped = 10_000

    public init(watermark: Int64, patience: TimeInterval = 1, lateWindow: TimeInterval = 60) {
        self.watermark = watermark
        self.patience = patience
        self.lateWindow = lateWindow
    }

    /// Whether a hole is being waited on, so the reader should look again soon.
    public var isWaiting: Bool { holeSince != nil }

    /// Takes the numbers read (above the watermark, or among `skipped`) and returns those to
    /// deliver now, in order.
    public mutating func accept(_ numbers: [Int64], now: Date) -> [Int64] {
        skipped = skipped.filter { now.timeIntervalSince($0.value) < lateWindow }
        var deliver: [Int64] = []
        for number in numbers.sorted() {
            if number <= watermark {
                if skipped.removeValue(forKey: number) != nil { deliver.append(number) }
                continue
            }
            if number > watermark + 1 {
                let since = holeSince ?? now
                holeSince = since
                guard now.timeIntervalSince(since) >= patience else { break }
                stepOver(watermark + 1 ..< number, now: now)
            }
            deliver.append(number)
            watermark = number
            holeSince = nil
        }
        return deliver
    }

    private mutating func stepOver(_ hole: Range<Int64>, now: Date) {
        for missing in hole where skipped.count < Self.maxSkipped {
            skipped[missing] = now
        }
    }
}
