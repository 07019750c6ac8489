import Foundation

/// When a failed job is tried again: exponential back-off with full jitter, so that jobs which
/// failed together (a ComfyUI server went down) do not all come back at the same moment.
public struct RetryPolicy: Sendable {
    public var base: TimeInterval
    public var cap: TimeInterval

    public init(base: TimeInterval = 2, cap: TimeInterval = 600) {
        self.base = base
        self.cap = cap
    }

    /// The delay before try `attempt + 1`, after `attempt` tries failed: a random point in
    /// `[ceiling / 2, ceiling]` where the ceiling doubles with every try up to `cap`.
    public func delay<R: RandomNumberGenerator>(afterAttempt attempt: Int, using random: inout R) -> TimeInterval {
        let ceiling = min(cap, base * pow(2, Double(max(0, attempt - 1))))
        return Double.random(in: (ceiling / 2)...ceiling, using: &random)
    }

    public func delay(afterAttempt attempt: Int) -> TimeInterval {
        var random = SystemRandomNumberGenerator()
        return delay(afterAttempt: attempt, using: &random)
    }
}
