import Logging
import Metrics
import Prometheus
import SQLKit

/// The metrics of one application, all in one Prometheus registry that `GET /metrics` renders.
///
/// The registry belongs to the application, not to `MetricsSystem.bootstrap`: bootstrap sets one
/// factory for the whole process and may run only once, while tests start many applications in
/// one process and each must count only its own requests and jobs. Code that speaks swift-metrics
/// (`Counter(label:dimensions:factory:)`, `Timer`, …) passes `factory`, and its figures land in the
/// same registry. Reached as `app.atlas.metrics` / `req.atlas.metrics`.
struct AtlasMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    /// swift-metrics' view of `registry`, for code that takes a `MetricsFactory`.
    let factory: PrometheusMetricsFactory
    /// Job wait and run time and failures, which the job runner reports.
    let jobs: JobMetrics
    /// Open WebSocket connections, which the live-event endpoint reports.
    let webSockets: WebSocketMetrics
    /// Jobs by kind and status, counted from the database at each scrape.
    let queueDepth: JobQueueDepth

    init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        factory = PrometheusMetricsFactory(registry: registry)
        jobs = JobMetrics(registry: registry)
        webSockets = WebSocketMetrics(registry: registry)
        queueDepth = JobQueueDepth(registry: registry)
    }

    /// What a scrape answers: every series in the Prometheus text format, with the job counts read
    /// from `sql` just before, so they are never older than the scrape.
    func scrape(_ sql: any SQLDatabase, logger: Logger) async -> [UInt8] {
        await queueDepth.refresh(on: sql, logger: logger)
        return registry.emitToBuffer()
    }
}
