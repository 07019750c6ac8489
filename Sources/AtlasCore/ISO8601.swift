import Foundation

/// ISO 8601 reading and writing as the API uses it: UTC, with or without fractional seconds.
public enum ISO8601 {
    /// A date-time with a time zone (with or without fractional seconds), or a plain
    /// `YYYY-MM-DD` meaning its midnight UTC. Anything else, including impossible days and
    /// trailing text, is nil.
    public static func parse(_ text: String) -> Date? {
        if text.count > 10 {
            if let date = try? Date(text, strategy: .iso8601) { return date }
            return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        }
        let dateOnly = Date.ISO8601FormatStyle().year().month().day()
        guard text.count == 10, let date = try? Date(text, strategy: dateOnly),
              date.formatted(dateOnly) == text  // refuses 2026-02-30, which the parser rolls over
        else { return nil }
        return date
    }

    /// `2026-11-24T09:30:00.123Z`, to the nearest millisecond.
    ///
    /// Formatted from whole milliseconds because databases hand back a time as a binary float a
    /// hair below the millisecond it was written at, which a formatter that truncates would
    /// print one millisecond early.
    public static func format(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Date(timeIntervalSince1970: Double(millis.floorDivided(by: 1000)))
        let whole = seconds.formatted(Date.ISO8601FormatStyle())
        let fraction = String(millis - millis.floorDivided(by: 1000) * 1000)
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
