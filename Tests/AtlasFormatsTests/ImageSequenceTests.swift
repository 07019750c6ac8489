import Foundation
import Testing
@testable import AtlasFormats

@Suite("Image sequences")
struct ImageSequenceTests {
    func names(_ pattern: String, _ frames: some Sequence<Int>) -> [String] {
        let parsed = SequencePattern(parsing: pattern)!
        return frames.map { parsed.fileName(frame: $0) }
    }

    @Test("plate.1001.exr … plate.1100.exr become one sequence with range, padding and count")
    func dotSeparated() throws {
        let result = SequenceDetector.group(names("plate.####.exr", 1001...1100))
        let sequence = try #require(result.sequences.first)
        #expect(result.sequences.count == 1 && result.singles.isEmpty)
        #expect(sequence.pattern == SequencePattern(prefix: "plate.", padding: 4, suffix: ".exr"))
        #expect((sequence.first, sequence.last, sequence.count) == (1001, 1100, 100))
        #expect(sequence.missingFrames.isEmpty && sequence.gapIssues.isEmpty)
        #expect(sequence.rangeText == "1001-1100")
    }

    @Test("Underscore separators, version numbers in the prefix and other files in the folder")
    func underscores() throws {
        let files = names("shot_v003_comp_%04d.dpx", 1...5) + ["shot_v003.nk", "readme.txt", "shot_v004.nk"]
        let result = SequenceDetector.group(files)
        #expect(result.sequences.map(\.pattern.hashNotation) == ["shot_v003_comp_####.dpx"])
        #expect(Set(result.singles) == ["shot_v003.nk", "readme.txt", "shot_v004.nk"], "v003 alone is not a frame")
    }

    @Test("Missing frames are listed, as ranges and one by one, with a sequence_gap warning")
    func gaps() throws {
        let frames = Array(1001...1010).filter { ![1004, 1005, 1008].contains($0) }
        let sequence = try #require(SequenceDetector.group(names("plate.####.exr", frames)).sequences.first)
        #expect(sequence.missingFrames == [1004, 1005, 1008])
        #expect(sequence.rangeText == "1001-1003,1006-1007,1009-1010")
        #expect(sequence.gapIssues.map(\.code) == [.sequenceGap])
        #expect(sequence.gapIssues.first?.message.contains("missing 3 frames: 1004-1005,1008") == true)
        #expect(sequence.metadata["missing_frames"] == .string("1004-1005,1008"))
    }

    @Test("A gap of millions of frames is described without listing millions")
    func hugeGap() throws {
        let sequence = try #require(SequenceDetector.group(["a.1.exr", "a.900000000.exr"]).sequences.first)
        #expect(sequence.missingCount == 899_999_998)
        #expect(sequence.missingFrames.count == ImageSequence.maxListedMissingFrames)
    }

    @Test("Notations ####, #, @@@@, %04d, %d, $F4 and $F parse to prefix, padding and suffix", arguments: [
        ("plate.####.exr", 4), ("plate.#.exr", 4), ("plate.@@@@.exr", 4), ("plate.@.exr", 1),
        ("plate.%04d.exr", 4), ("plate.%d.exr", 0), ("plate.$F4.exr", 4), ("plate.$F.exr", 0), ("plate.%06d.exr", 6),
    ])
    func notations(text: String, padding: Int) throws {
        let pattern = try #require(SequencePattern(parsing: text))
        #expect(pattern.prefix == "plate." && pattern.suffix == ".exr" && pattern.padding == padding)
    }

    @Test("A pattern matches its frames, wider numbers too, but not narrower or differently padded ones")
    func matching() {
        let pattern = SequencePattern(parsing: "render/beauty_%04d.exr")!
        #expect(pattern.frame(of: "render/beauty_0042.exr") == 42)
        #expect(pattern.frame(of: "render/beauty_10000.exr") == 10000)
        #expect(pattern.frame(of: "render/beauty_042.exr") == nil)
        #expect(pattern.frame(of: "render/beauty_00042.exr") == nil)
        #expect(pattern.frame(of: "render/other_0042.exr") == nil)
        #expect(pattern.fileName(frame: -5) == "render/beauty_-0005.exr")
        #expect(pattern.printfNotation == "render/beauty_%04d.exr" && pattern.houdiniNotation == "render/beauty_$F4.exr")
    }

    @Test("Padding: leading zeros fix it, wider frames join, mixed widths without zeros are unpadded")
    func padding() {
        let padded = SequenceDetector.group(["p.0998.exr", "p.0999.exr", "p.1000.exr", "p.10000.exr"]).sequences
        #expect(padded.count == 1 && padded[0].pattern.padding == 4 && padded[0].count == 4)
        let unpadded = SequenceDetector.group(["f.9.png", "f.10.png", "f.11.png"]).sequences
        #expect(unpadded.count == 1 && unpadded[0].pattern.padding == 0 && unpadded[0].rangeText == "9-11")
        let two = SequenceDetector.group(["a.001.exr", "a.002.exr", "a.0001.exr", "a.0002.exr"]).sequences
        #expect(Set(two.map(\.pattern.padding)) == [3, 4])
    }

    @Test("Negative frames sort numerically")
    func negativeFrames() throws {
        let sequence = try #require(SequenceDetector.group(["sim.-0002.bgeo", "sim.-0001.bgeo", "sim.0000.bgeo", "sim.0001.bgeo"]).sequences.first)
        #expect(sequence.frames == [-2, -1, 0, 1])
    }

    @Test("The detector agrees with oiiotool's own scan of the same folder (first, last, frames present)")
    func oiiotoolOracle() throws {
        let folder = try FixtureFolder()
        let frames = [1, 2, 3, 5, 6, 9]
        for frame in frames {
            try folder.oiiotool(["--pattern", "constant:color=0.1,0.2,0.3", "4x4", "3"], output: String(format: "r.%04d.exr", frame))
        }
        let listed = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        let sequence = try #require(SequenceDetector.group(listed).sequences.first)
        let echoed = try ExternalTool.oiiotool.run([folder.path("r.#.exr"), "--echo", "{FRAME_NUMBER}"]).output
        let toolFrames = echoed.split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        #expect(sequence.frames == toolFrames)
        #expect(sequence.missingFrames == [4, 7, 8])
    }

    @Test("Frames whose resolution or channels differ, and unreadable frames, are warnings on the sequence")
    func frameChecks() throws {
        let folder = try FixtureFolder()
        let inspector = FormatInspector()
        var reports: [Int: FormatReport] = [:]
        for frame in 1001...1005 {
            let name = "plate.\(frame).exr"
            let size = frame == 1003 ? "32x16" : "16x16"
            let channels = frame == 1004 ? "4" : "3"
            try folder.oiiotool(["--pattern", "checker", size, channels, "-d", "half"], output: name)
            reports[frame] = inspector.inspect(fileAt: folder.file(name))
        }
        reports[1006] = inspector.inspect([], fileName: "plate.1006.exr")
        let sequence = ImageSequence(pattern: SequencePattern(parsing: "plate.####.exr")!,
                                     files: Dictionary(uniqueKeysWithValues: (1001...1006).map { ($0, "plate.\($0).exr") }))
        let issues = sequence.frameIssues(reports)
        #expect(issues.map(\.code) == [.sequenceBadFrame, .sequenceFrameMismatch, .sequenceFrameMismatch])
        #expect(issues.allSatisfy { $0.severity == .warning })
        #expect(issues[0].message.contains("1006") && issues[0].message.contains("file_empty"))
        #expect(issues[1].message.contains("frame 1003 is 32 × 16"))
        #expect(issues[2].message.contains("frame 1004") && issues[2].message.contains("R,G,B,A"))
    }
}
