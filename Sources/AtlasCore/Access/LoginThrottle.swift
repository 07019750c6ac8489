import Foundation

/// Slows down password guessing: after `limit` failed sign-ins for one account within
/// `window`, further attempts are refused until the oldest of those failures ages out.
public struct LoginThrottle: Sendable {
    public var limit: Int
    public var window: TimeInterval

    public init(limit: Int = 10, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// The failures that still count at `now`, for a query that keeps only those.
    public func windowStart(at now: Date) -> Date { now.addingTimeInterval(-window) }

    /// Seconds to wait before the next attempt, or nil when an attempt may be made now.
    /// - Parameter failures: times of the recent failed attempts, any order.
    public func retryAfter(failures: [Date], now: Date) -> Int? {
        let recent = failures.filter { $0 > windowStart(at: now) }.sorted()
        guard recent.count >= limit else { return nil }
        // The attempt becomes possible when enough failures have left the window.
        let freeing = recent[recent.count - limit]
        return max(1, Int((freeing.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up)))
    }
}
