import Foundation
import Testing
import AtlasCore

@Suite("SearchTerms")
struct SearchTermsTests {
    @Test("Words are lowercased runs of letters and digits", arguments: [
        ("plate_v003.exr", ["plate", "v003", "exr"]),
        ("Hero Plate", ["hero", "plate"]),
        ("shot-010/comp:final", ["shot", "010", "comp", "final"]),
        ("frame1001", ["frame1001"]),
        ("1001-1100", ["1001", "1100"]),
        ("Café", ["café"]),
        ("ÉCLAIR Über", ["éclair", "über"]),
        ("東京 テスト", ["東京", "テスト"]),
        ("  leading and trailing  ", ["leading", "and", "trailing"]),
        ("", []),
        ("!!! ... ___ ---", []),
    ] as [(String, [String])])
    func words(text: String, expected: [String]) {
        #expect(SearchTerms.words(in: text) == expected)
    }

    @Test("Accents typed as combining marks (NFD, as macOS file names often are) give the same words as precomposed ones")
    func decomposedAccents() {
        let composed = "Café résumé"                                   // NFC
        let decomposed = "Cafe\u{301} re\u{301}sume\u{301}"           // NFD
        let expected = SearchTerms.words(in: composed)
        #expect(expected.count == 2)
        // Compared scalar by scalar: the index and the database compare bytes, not canonical equivalence.
        #expect(SearchTerms.words(in: decomposed).map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
    }

    @Test("indexText joins the words of every part with single spaces")
    func indexText() {
        #expect(SearchTerms.indexText(["Hero Plate", "plate_v003.exr", "", "!!"]) == "hero plate plate v003 exr")
        #expect(SearchTerms.indexText([]) == "")
    }

    @Test("queryWords keeps the first of each word, in order")
    func queryWordsDeduplicate() {
        #expect(SearchTerms.queryWords("Plate plate PLATE v003 plate_v003") == ["plate", "v003"])
    }

    @Test("queryWords keeps at most 16 words")
    func queryWordsCapped() {
        let words = (1...20).map { "w\($0)" }
        #expect(SearchTerms.maxTerms == 16)
        #expect(SearchTerms.queryWords(words.joined(separator: " ")) == Array(words.prefix(16)))
    }

    @Test("Duplicates do not use up the 16-word cap")
    func queryWordsDeduplicateBeforeCap() {
        let text = String(repeating: "hero ", count: 40) + "plate"
        #expect(SearchTerms.queryWords(text) == ["hero", "plate"])
    }

    @Test("queryWords of text without letters or digits is empty", arguments: ["", "   ", "?!.,;"])
    func queryWordsEmpty(text: String) {
        #expect(SearchTerms.queryWords(text).isEmpty)
    }
}
