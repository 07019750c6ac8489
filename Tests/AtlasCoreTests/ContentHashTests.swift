import Foundation
import Testing
import AtlasCore

@Suite("ContentHash")
struct ContentHashTests {
    /// SHA-256 of the empty string.
    static let emptySHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    @Test("Accepts 64 lowercase hexadecimal digits as they are")
    func acceptsLowercase() throws {
        let hash = try #require(ContentHash(hex: Self.emptySHA))
        #expect(hash.hex == Self.emptySHA)
        #expect(hash.description == Self.emptySHA)
    }

    @Test("Accepts upper and mixed case and stores lowercase", arguments: [
        "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
        "E3b0C44298fc1C149afbf4c8996FB92427ae41e4649B934ca495991b7852B855",
    ])
    func lowercasesInput(text: String) throws {
        let hash = try #require(ContentHash(hex: text))
        #expect(hash.hex == Self.emptySHA)
        #expect(hash == ContentHash(hex: Self.emptySHA))
    }

    static let badTexts: [String] = {
        let valid = emptySHA
        let short = String(valid.dropLast())
        return [
            "",
            short,                                  // 63 digits
            valid + "0",                            // 65 digits
            short + "g",                            // not hex
            short + " ",                            // trailing space
            " " + short,                            // leading space
            String(valid.dropLast(2)) + "0x",       // junk
            String(repeating: "é", count: 32),      // 64 UTF-8 bytes, not hex
            String(repeating: "ａ", count: 64),     // full-width letters
            short + "\0",                           // NUL
        ]
    }()

    @Test("Refuses anything but exactly 64 hexadecimal digits", arguments: badTexts)
    func refusesBadText(text: String) {
        #expect(ContentHash(hex: text) == nil)
    }

    @Test("init(digest:) writes each byte as two lowercase hex digits, high nibble first")
    func digestHex() {
        #expect(ContentHash(digest: [0xde, 0xad, 0xbe, 0xef, 0x00, 0x0f, 0xf0, 0xff]).hex == "deadbeef000ff0ff")
        let counting = ContentHash(digest: (0..<32).map { UInt8($0) })
        #expect(counting.hex == "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
    }

    @Test("init(digest:) of a known SHA-256 digest equals the hash parsed from its hex")
    func digestMatchesKnownHash() {
        let bytes: [UInt8] = [
            0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
            0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
        ]
        #expect(ContentHash(digest: bytes) == ContentHash(hex: Self.emptySHA))
    }

    @Test("Hashes order by their hex text")
    func ordering() throws {
        let low = try #require(ContentHash(hex: String(repeating: "0", count: 64)))
        let high = try #require(ContentHash(hex: String(repeating: "F", count: 64)))
        #expect(low < high)
        #expect([high, low].sorted() == [low, high])
    }

    @Test("Encodes as a plain JSON string and decodes back to the same hash")
    func codableRoundTrip() throws {
        let file = VersionFile(path: "tex/wood.exr", sha256: try #require(ContentHash(hex: Self.emptySHA)), size: 0)
        let data = try JSONEncoder().encode(file)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"sha256\":\"\(Self.emptySHA)\""))
        #expect(try JSONDecoder().decode(VersionFile.self, from: data) == file)
    }

    @Test("Decoding upper-case hex gives the lowercase hash")
    func decodingLowercases() throws {
        let data = Data("[\"\(Self.emptySHA.uppercased())\"]".utf8)
        let hashes = try JSONDecoder().decode([ContentHash].self, from: data)
        #expect(hashes.map(\.hex) == [Self.emptySHA])
    }

    @Test("Decoding a string that is not a hash is a data-corrupted error", arguments: ["not-a-hash", "", "abc123"])
    func decodingBadString(text: String) throws {
        let data = Data("[\"\(text)\"]".utf8)
        let error = try #require(throws: DecodingError.self) {
            try JSONDecoder().decode([ContentHash].self, from: data)
        }
        guard case .dataCorrupted = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
    }

    @Test("Decoding a number instead of a string fails")
    func decodingWrongType() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ContentHash].self, from: Data("[5]".utf8))
        }
    }
}
