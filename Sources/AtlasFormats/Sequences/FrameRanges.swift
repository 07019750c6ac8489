/// Turns sorted frame numbers into ranges and the compact text artists read: `1001-1004,1006-1010`.
public enum FrameRanges {
    /// Consecutive runs of `frames` (which must be sorted and unique).
    public static func ranges(_ frames: [Int]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for frame in frames {
            if let last = result.last, last.upperBound + 1 == frame {
                result[result.count - 1] = last.lowerBound...frame
            } else {
                result.append(frame...frame)
            }
        }
        return result
    }

    /// `1001-1004,1006,1008-1010`.
    public static func text(_ ranges: [ClosedRange<Int>]) -> String {
        ranges.map { $0.count == 1 ? String($0.lowerBound) : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: ",")
    }

    public static func text(frames: [Int]) -> String { text(ranges(frames)) }
}
