/// Runs a workload over a number of concurrent workers and times every request.
///
/// Each worker is one task issuing one request at a time, so `concurrency` workers keep at most
/// that many requests (and pooled connections) busy: the "N concurrent connections" of the figures.
enum LoadRunner {
    /// What a run measured.
    struct Result: Sendable {
        var latencies: LatencyRecorder
        var elapsed: Duration

        var requests: Int { latencies.count }

        /// Requests completed per second of wall-clock time.
        var perSecond: Double {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return seconds > 0 ? Double(requests) / seconds : 0
        }
    }

    /// Runs `count` operations, numbered from 0, on `concurrency` workers.
    ///
    /// Worker `w` takes operations `w`, `w + concurrency`, …: a fixed share each, so no worker
    /// waits on a shared counter. Any failure ends the run, since a figure from requests that
    /// failed would describe the wrong thing.
    static func run(count: Int, concurrency: Int,
                    _ operation: @escaping @Sendable (Int) async throws -> Void) async throws -> Result {
        try await runWorkers(min(concurrency, count)) { worker, recorder in
            var index = worker
            while index < count {
                try await recorder.time { try await operation(index) }
                index += concurrency
            }
        }
    }

    /// Runs `workers` copies of `work` side by side; each times its own requests with the
    /// recorder it is given (for workloads where a request depends on the previous one, such as
    /// walking pages by cursor).
    static func runWorkers(_ workers: Int,
                           _ work: @escaping @Sendable (_ worker: Int, _ recorder: inout LatencyRecorder) async throws -> Void) async throws -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let latencies = try await withThrowingTaskGroup(of: LatencyRecorder.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var recorder = LatencyRecorder()
                    try await work(worker, &recorder)
                    return recorder
                }
            }
            var all = LatencyRecorder()
            for try await recorder in group { all.merge(recorder) }
            return all
        }
        return Result(latencies: latencies, elapsed: clock.now - start)
    }
}
