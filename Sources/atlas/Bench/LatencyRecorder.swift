/// Durations of individual requests, and their percentiles.
///
/// A plain array is enough at the sizes the benchmarks run (at most a few hundred thousand
/// samples); each worker keeps its own recorder and they are merged at the end, so recording
/// never takes a lock inside the timed section.
struct LatencyRecorder: Sendable {
    /// Milliseconds, in the order recorded until the first percentile is asked for.
    private var samples: [Double] = []
    private var isSorted = true

    var count: Int { samples.count }

    mutating func record(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        samples.append(Double(seconds) * 1_000 + Double(attoseconds) / 1e15)
        isSorted = false
    }

    /// Runs `body` and records how long it took, whether or not it throws.
    mutating func time<T>(_ body: () async throws -> T) async rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        defer { record(clock.now - start) }
        return try await body()
    }

    mutating func merge(_ other: LatencyRecorder) {
        samples += other.samples
        isSorted = samples.count <= 1
    }

    /// The nearest-rank percentile in milliseconds (`fraction` 0.5 is the median); 0 when empty.
    mutating func percentile(_ fraction: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        if !isSorted {
            samples.sort()
            isSorted = true
        }
        let rank = Int((fraction * Double(samples.count)).rounded(.up))
        return samples[min(max(rank, 1), samples.count) - 1]
    }
}
