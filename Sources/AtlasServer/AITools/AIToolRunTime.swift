import Foundation

/// How long one past run of a tool took on ComfyUI, and how big its input was.
struct AIRunDuration: Sendable {
    var milliseconds: Int
    /// Total pixels of the run's image inputs; nil when unknown.
    var inputPixels: Int?
}

/// Input sizes are told apart in classes a factor of 4 in pixels apart (512², 1024², 2048²,
/// 4096² and larger): run time grows with pixels, and a class is wide enough to gather runs.
enum AIRunSizeClass {
    /// Each class's largest pixel count; above the last is the open top class.
    static let bounds = [1 << 18, 1 << 20, 1 << 22, 1 << 24]
    /// Fewer runs of a class than this and the estimate is the median of all runs instead.
    static let minimumRuns = 3

    static func index(of pixels: Int) -> Int { bounds.firstIndex { pixels <= $0 } ?? bounds.count }

    /// A class's largest pixel count; nil for the open top class.
    static func maxPixels(ofClass index: Int) -> Int? { index < bounds.count ? bounds[index] : nil }
}

/// A tool's expected run time: the median of its recent runs of the asked input size's class, or
/// of all of them when that class has too few (`basis` says which, `runs` how many it is made of).
struct AIToolRunTime: Sendable {
    enum Basis: String, Encodable, Sendable {
        case sizeClass = "size_class", allRuns = "all_runs", none
    }

    /// The median of one size class's runs.
    struct SizeClassMedian: Encodable, Sendable {
        @Nullable var maxPixels: Int?
        var medianRunSeconds: Double
        var runs: Int

        enum CodingKeys: String, CodingKey {
            case runs
            case maxPixels = "max_pixels", medianRunSeconds = "median_run_seconds"
        }
    }

    var medianSeconds: Double?
    var basis: Basis
    var runs: Int
    /// Every class that has runs, smallest first; only when no input size was asked about.
    var bySize: [SizeClassMedian]?

    /// The estimate for an input of `inputPixels`, or without it the overall one with the classes listed.
    init(_ durations: [AIRunDuration], inputPixels: Int?) {
        let classes = Dictionary(grouping: durations.filter { $0.inputPixels != nil }) { AIRunSizeClass.index(of: $0.inputPixels!) }
        if let inputPixels, let own = classes[AIRunSizeClass.index(of: inputPixels)], own.count >= AIRunSizeClass.minimumRuns {
            (medianSeconds, basis, runs) = (Self.median(own), .sizeClass, own.count)
        } else {
            (medianSeconds, basis, runs) = (Self.median(durations), durations.isEmpty ? .none : .allRuns, durations.count)
        }
        guard inputPixels == nil else { return }
        bySize = classes.keys.sorted().map { index in
            SizeClassMedian(maxPixels: AIRunSizeClass.maxPixels(ofClass: index), medianRunSeconds: Self.median(classes[index]!)!,
                            runs: classes[index]!.count)
        }
    }

    private static func median(_ durations: [AIRunDuration]) -> Double? {
        let values = durations.map(\.milliseconds).sorted()
        return values.isEmpty ? nil : Double(values[values.count / 2]) / 1000
    }
}
