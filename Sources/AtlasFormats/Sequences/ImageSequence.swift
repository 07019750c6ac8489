import AtlasCore

/// A numbered run of files (`plate.1001.exr … plate.1100.exr`) treated as one asset: its pattern,
/// the frames present, the frame range and the gaps in it.
public struct ImageSequence: Sendable, Hashable {
    public var pattern: SequencePattern
    /// File names by frame number.
    public var files: [Int: String]
    /// Frame numbers present, ascending.
    public let frames: [Int]

    /// At most this many missing frames are listed one by one; `missingRanges` always covers them all.
    public static let maxListedMissingFrames = 100_000

    public init(pattern: SequencePattern, files: [Int: String]) {
        self.pattern = pattern
        self.files = files
        frames = files.keys.sorted()
    }

    public var first: Int? { frames.first }
    public var last: Int? { frames.last }
    public var count: Int { frames.count }

    /// The gaps between the first and last frame, as ranges (bounded by the number of frames present).
    public var missingRanges: [ClosedRange<Int>] {
        zip(frames, frames.dropFirst()).compactMap { current, next in
            next - current > 1 ? (current + 1)...(next - 1) : nil
        }
    }

    public var missingCount: Int { missingRanges.reduce(0) { $0 + $1.count } }

    /// Missing frames one by one, up to `maxListedMissingFrames`.
    public var missingFrames: [Int] {
        var result: [Int] = []
        for range in missingRanges {
            for frame in range {
                guard result.count < Self.maxListedMissingFrames else { return result }
                result.append(frame)
            }
        }
        return result
    }

    /// The frames present as compact text: `1001-1004,1006-1010`.
    public var rangeText: String { FrameRanges.text(frames: frames) }

    /// A `sequence_gap` warning when frames are missing.
    public var gapIssues: [FormatIssue] {
        let gaps = missingRanges
        guard !gaps.isEmpty else { return [] }
        let count = missingCount
        return [.warning(.sequenceGap,
            "\(pattern.hashNotation) is missing \(count) frame\(count == 1 ? "" : "s"): \(FrameRanges.text(gaps))")]
    }

    public var metadata: [String: JSONValue] {
        [
            "pattern": .string(pattern.hashNotation),
            "printf_pattern": .string(pattern.printfNotation),
            "padding": .int(pattern.padding),
            "first_frame": first.map { .int($0) } ?? .null,
            "last_frame": last.map { .int($0) } ?? .null,
            "frame_count": .int(count),
            "frames": .string(rangeText),
            "missing_count": .int(missingCount),
            "missing_frames": .string(FrameRanges.text(missingRanges)),
        ]
    }
}
