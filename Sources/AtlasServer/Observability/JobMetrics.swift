import Prometheus

/// How long jobs wait and run, by kind and tool, and how often they fail: what the job runner
/// reports as it claims and finishes jobs (DESIGN.md §8).
///
/// Every call is cheap (a registry lookup under a lock and an add) and safe with any input: a
/// negative time (clocks of two replicas disagreeing) counts as zero, a time that is not a number
/// is dropped, and nothing here throws, so reporting can never fail a job. `kind` and `tool` become
/// label values, so they must come from a fixed set (handler kinds, configured tools), never from
/// free text a client sent.
struct JobMetrics: Sendable {
    /// How a try of a job ended.
    enum Outcome: String, Sendable, CaseIterable {
        case succeeded, failed, cancelled
    }

    /// Wide buckets: a job may wait a moment for a free worker or an hour behind a render queue.
    static let waitBuckets: [Duration] = [0.1, 0.5, 1, 5, 15, 30, 60, 300, 900, 1800, 3600, 7200].map { Duration.seconds($0) }
    /// From a thumbnail (well under a second) to a long generation or conversion (hours).
    static let runBuckets: [Duration] = [0.1, 0.5, 1, 5, 15, 30, 60, 300, 900, 1800, 3600, 7200, 14400].map { Duration.seconds($0) }

    private let registry: PrometheusCollectorRegistry

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// A worker started a job `seconds` after it became runnable.
    func recordWait(kind: String, tool: String? = nil, seconds: Double) {
        guard let duration = Self.duration(seconds) else { return }
        registry.makeDurationHistogram(descriptor: Self.wait, labels: Self.labels(kind, tool), buckets: Self.waitBuckets)
            .record(duration)
    }

    /// A try of a job ran for `seconds` and ended with `outcome`.
    func recordRun(kind: String, tool: String? = nil, seconds: Double, outcome: Outcome) {
        guard let duration = Self.duration(seconds) else { return }
        registry.makeDurationHistogram(descriptor: Self.run, labels: Self.labels(kind, tool) + [("outcome", outcome.rawValue)],
                                       buckets: Self.runBuckets)
            .record(duration)
    }

    /// A try of a job failed, whether or not it will be tried again.
    func recordFailure(kind: String, tool: String? = nil) {
        registry.makeCounter(descriptor: Self.failures, labels: Self.labels(kind, tool)).increment()
    }

    // Descriptors are made on use: `MetricNameDescriptor` is not `Sendable`, so it cannot be a stored constant.
    private static var wait: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "atlas", subsystem: "job", metricName: "wait", unitName: "seconds",
                             helpText: "Time from a job becoming runnable to a worker starting it, by kind and tool.")
    }

    private static var run: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "atlas", subsystem: "job", metricName: "run", unitName: "seconds",
                             helpText: "Time a try of a job ran, by kind, tool and outcome (succeeded, failed, cancelled).")
    }

    private static var failures: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "atlas", subsystem: "job", metricName: "failures", unitName: "total",
                             helpText: "Tries of jobs that failed, by kind and tool, including those that will be retried.")
    }

    /// The same label names on every series of a family; no tool is an empty value, which Prometheus reads as absent.
    private static func labels(_ kind: String, _ tool: String?) -> [(String, String)] {
        [("kind", kind.isEmpty ? "unknown" : kind), ("tool", tool ?? "")]
    }

    /// `seconds` as a duration a histogram can take: negatives as zero, at most a year, nil when not a number.
    private static func duration(_ seconds: Double) -> Duration? {
        guard !seconds.isNaN else { return nil }
        return Duration.seconds(min(max(seconds, 0), 365 * 24 * 3600))
    }
}
