import Foundation
import Testing
import AtlasCore

/// 2026-11-24T00:00:00Z
private let novemberTwentyFourth = Date(timeIntervalSince1970: 1_795_478_400)
/// 2026-11-24T09:30:00Z
private let nineThirty = novemberTwentyFourth + 9 * 3600 + 30 * 60

@Suite("ISO8601")
struct ISO8601Tests {
    @Test("format always writes three fraction digits and Z", arguments: [
        (0, "1970-01-01T00:00:00.000Z"),
        (0.5, "1970-01-01T00:00:00.500Z"),
        (0.05, "1970-01-01T00:00:00.050Z"),
        (0.007, "1970-01-01T00:00:00.007Z"),
        (1_795_478_400, "2026-11-24T00:00:00.000Z"),
        (1_700_000_000.123, "2023-11-14T22:13:20.123Z"),
        (-0.5, "1969-12-31T23:59:59.500Z"),
    ] as [(Double, String)])
    func formatShape(seconds: Double, expected: String) {
        #expect(ISO8601.format(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("format rounds to the nearest millisecond", arguments: [
        (1_700_000_000.6729999, "2023-11-14T22:13:20.673Z"),
        (1_700_000_000.6724, "2023-11-14T22:13:20.672Z"),
        (1_700_000_000.9996, "2023-11-14T22:13:21.000Z"),
        (1_700_000_000.0004, "2023-11-14T22:13:20.000Z"),
    ] as [(Double, String)])
    func formatRounds(seconds: Double, expected: String) {
        #expect(ISO8601.format(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("parse(format(d)) is within a millisecond of d")
    func roundTrip() throws {
        var seconds = 1_600_000_000.0
        for step in 0..<2_000 {
            seconds += 1_234.567_891 + Double(step) * 0.000_37
            let date = Date(timeIntervalSince1970: seconds)
            let back = try #require(ISO8601.parse(ISO8601.format(date)))
            #expect(abs(back.timeIntervalSince(date)) < 0.001, "\(ISO8601.format(date))")
        }
    }

    @Test("Formatting a parsed text gives the text back")
    func formatOfParse() throws {
        let text = "2026-11-24T09:30:00.123Z"
        #expect(ISO8601.format(try #require(ISO8601.parse(text))) == text)
    }

    @Test("parse accepts date-times with and without a fraction, and with offsets", arguments: [
        ("2026-11-24T09:30:00Z", nineThirty),
        ("2026-11-24T09:30:00.000Z", nineThirty),
        ("2026-11-24T09:30:00.250Z", nineThirty + 0.25),
        ("2026-11-24T10:30:00+01:00", nineThirty),
        ("2026-11-24T10:30:00.5+01:00", nineThirty + 0.5),
    ] as [(String, Date)])
    func parseDateTimes(text: String, expected: Date) throws {
        let parsed = try #require(ISO8601.parse(text))
        #expect(abs(parsed.timeIntervalSince(expected)) < 0.000_001)
    }

    @Test("parse reads a plain date as its midnight UTC")
    func parsePlainDate() {
        #expect(ISO8601.parse("2026-11-24") == novemberTwentyFourth)
    }

    @Test("parse refuses text that is not a date", arguments: ["", "garbage", "2026-13-45", "24/11/2026", " 2026-11-24"])
    func parseRefuses(text: String) {
        #expect(ISO8601.parse(text) == nil)
    }

    @Test("parse refuses a day that does not exist in its month", arguments: ["2026-02-30", "2026-04-31"])
    func parseRefusesImpossibleDay(text: String) {
        #expect(ISO8601.parse(text) == nil)
    }

    @Test("A date followed by anything other than a time is refused, not read as its midnight", arguments: [
        "2026-11-24junk", "2026-11-24T", "2026-11-24 and more",
    ])
    func parseRefusesTrailingText(text: String) {
        #expect(ISO8601.parse(text) == nil)
    }

    @Test("A date-time that the strict forms refuse is never read as its date's midnight", arguments: [
        "2026-11-24T09:30:00", "2026-11-24 09:30:00Z", "2026-11-24T09:30Z",
    ])
    func parseNeverDropsTheTime(text: String) {
        // Refusing these or reading them as 09:30 UTC are both fine; silently dropping the time is not.
        let parsed = ISO8601.parse(text)
        #expect(parsed == nil || parsed == nineThirty, "\(text) parsed as \(parsed.map(ISO8601.format) ?? "nil")")
    }
}
