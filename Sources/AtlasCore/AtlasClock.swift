import Foundation

/// Where "now" comes from. Times are kept to the millisecond so they survive every
/// database's timestamp type and a cursor round trip unchanged.
public protocol AtlasClock: Sendable {
    func now() -> Date
}

/// The system clock, truncated to milliseconds.
public struct SystemClock: AtlasClock {
    public init() {}
    public func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
