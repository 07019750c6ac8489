import Foundation
import Testing
import AtlasCore

/// A small deterministic generator (SplitMix64) so that ids made in tests are reproducible.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Always returns the same word, to check that the version and variant bits win over the random ones.
private struct ConstantGenerator: RandomNumberGenerator {
    var word: UInt64
    mutating func next() -> UInt64 { word }
}

private func millis(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded())
}

@Suite("AtlasID")
struct AtlasIDTests {
    static let instants: [Date] = [
        Date(timeIntervalSince1970: 0),
        Date(timeIntervalSince1970: 1_700_000_000.123),
        Date(timeIntervalSince1970: 1_795_478_400),
        Date(timeIntervalSince1970: 4_102_444_800.999),
        Date(),
    ]

    @Test("Every id is a version 7 UUID with the RFC 9562 variant", arguments: instants)
    func versionAndVariantBits(date: Date) {
        for _ in 0..<50 {
            let id = AtlasID.make(at: date)
            #expect(id.uuid.6 >> 4 == 0x7)
            #expect(id.uuid.8 >> 6 == 0b10)
            let text = Array(id.uuidString)
            #expect(text[14] == "7")
            #expect("89AB".contains(text[19]))
        }
    }

    @Test("Version and variant bits are set whatever the random bits are", arguments: [UInt64.min, UInt64.max])
    func versionAndVariantOverrideRandomBits(word: UInt64) {
        var generator = ConstantGenerator(word: word)
        let id = AtlasID.make(at: Date(timeIntervalSince1970: 1_700_000_000), using: &generator)
        #expect(id.uuid.6 >> 4 == 0x7)
        #expect(id.uuid.8 >> 6 == 0b10)
    }

    @Test("The first 48 bits are the Unix time in milliseconds, big-endian")
    func leadingBitsAreMilliseconds() {
        var generator = SeededGenerator(seed: 1)
        let id = AtlasID.make(at: Date(timeIntervalSince1970: 1_700_000_000.123), using: &generator)
        #expect(id.uuidString.hasPrefix("018BCFE5-687B-7"))
    }

    @Test("Ids made at later milliseconds sort after earlier ones")
    func laterMillisecondsSortLater() {
        let start: Int64 = 1_700_000_000_000
        var previous = AtlasID.make(at: Date(timeIntervalSince1970: Double(start) / 1000))
        for step in 1...2_000 {
            let date = Date(timeIntervalSince1970: Double(start + Int64(step)) / 1000)
            let next = AtlasID.make(at: date)
            #expect(next.uuidString > previous.uuidString, "at +\(step) ms")
            previous = next
        }
    }

    @Test("Ids sort by time across years, not just neighbouring milliseconds")
    func sortAcrossLongSpans() {
        let ids = Self.instants.dropLast().map { AtlasID.make(at: $0) }
        #expect(ids.map(\.uuidString) == ids.map(\.uuidString).sorted())
    }

    @Test("timestamp(of:) returns the creation instant to the millisecond", arguments: instants)
    func timestampRoundTrip(date: Date) {
        let id = AtlasID.make(at: date)
        let expected = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        #expect(millis(AtlasID.timestamp(of: id)) == expected)
    }

    @Test("timestamp(of:) survives every millisecond of a long run")
    func timestampEveryMillisecond() {
        var generator = SeededGenerator(seed: 7)
        for ms in stride(from: Int64(1_795_478_400_000), to: 1_795_478_420_000, by: 1) {
            let id = AtlasID.make(at: Date(timeIntervalSince1970: Double(ms) / 1000), using: &generator)
            #expect(millis(AtlasID.timestamp(of: id)) == ms)
        }
    }

    @Test("Sub-millisecond parts of the instant are dropped, not rounded up")
    func subMillisecondTruncated() {
        let id = AtlasID.make(at: Date(timeIntervalSince1970: 1_700_000_000.1239))
        #expect(millis(AtlasID.timestamp(of: id)) == 1_700_000_000_123)
    }

    @Test("Instants before 1970 are clamped to the epoch")
    func beforeEpochClamped() {
        let id = AtlasID.make(at: Date(timeIntervalSince1970: -86_400))
        #expect(AtlasID.timestamp(of: id) == Date(timeIntervalSince1970: 0))
        #expect(id.uuidString.hasPrefix("00000000-0000-7"))
    }

    @Test("A seeded generator gives the same ids every time")
    func seededIsDeterministic() {
        let date = Date(timeIntervalSince1970: 1_700_000_000.5)
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        let a = (0..<10).map { _ in AtlasID.make(at: date, using: &first) }
        let b = (0..<10).map { _ in AtlasID.make(at: date, using: &second) }
        #expect(a == b)
        #expect(Set(a).count == 10)
    }

    @Test("Different seeds give different ids for the same instant")
    func differentSeedsDiffer() {
        let date = Date(timeIntervalSince1970: 1_700_000_000.5)
        var first = SeededGenerator(seed: 1)
        var second = SeededGenerator(seed: 2)
        #expect(AtlasID.make(at: date, using: &first) != AtlasID.make(at: date, using: &second))
    }

    @Test("Ids made with the system generator are unique")
    func systemIdsAreUnique() {
        let date = Date()
        let ids = (0..<10_000).map { _ in AtlasID.make(at: date) }
        #expect(Set(ids).count == ids.count)
    }
}
