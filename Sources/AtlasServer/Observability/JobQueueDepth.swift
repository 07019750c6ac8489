import Logging
import NIOConcurrencyHelpers
import Prometheus
import SQLKit

/// Jobs by kind and status (`atlas_jobs{kind,status}`; `status="queued"` is the queue depth),
/// counted from the `jobs` table when Prometheus scrapes.
///
/// Counted at scrape time rather than kept up to date as jobs move: the table is the truth, every
/// replica shares it, and a count one process kept would drift from it with every restart. A kind
/// and status seen once stays a series, at zero when no job has it any more, so a graph drops to
/// zero instead of stopping. When the table cannot be read (it does not exist before its migration,
/// or the database is down) the family is left out of the scrape rather than failing it: the
/// request and job timings are worth having most when something is wrong.
final class JobQueueDepth: Sendable {
    private struct Key: Hashable, Sendable {
        var kind: String
        var status: String
    }

    private let registry: PrometheusCollectorRegistry
    private let gauges = NIOLockedValueBox<[Key: Gauge]>([:])

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// Counts the jobs and sets the gauges, before the registry is rendered.
    func refresh(on sql: any SQLDatabase, logger: Logger) async {
        var counts: [Key: Int] = [:]
        do {
            let rows = try await sql.raw("SELECT kind, status, COUNT(*) AS n FROM jobs GROUP BY kind, status").all()
            for row in rows {
                let key = Key(kind: try row.decode(column: "kind", as: String.self), status: try row.decode(column: "status", as: String.self))
                counts[key, default: 0] += try row.decode(column: "n", as: Int.self)
            }
        } catch {
            if Self.isMissingTable(error) {
                logger.debug("no jobs table yet: /metrics leaves out atlas_jobs")
            } else {
                logger.warning("could not count jobs for /metrics, leaving out atlas_jobs: \(String(reflecting: error))")
            }
            removeAll()
            return
        }
        gauges.withLockedValue { gauges in
            for (key, gauge) in gauges where counts[key] == nil { gauge.set(to: 0) }
            for (key, count) in counts {
                let gauge = gauges[key] ?? registry.makeGauge(descriptor: Self.descriptor,
                                                              labels: [("kind", key.kind), ("status", key.status)])
                gauges[key] = gauge
                gauge.set(to: Double(count))
            }
        }
    }

    /// Drops every series, so a scrape that could not count shows no stale figures.
    private func removeAll() {
        gauges.withLockedValue { gauges in
            for gauge in gauges.values { registry.unregisterGauge(gauge) }
            gauges.removeAll()
        }
    }

    /// SQLite's "no such table", PostgreSQL's `undefined_table` (SQLSTATE 42P01).
    static func isMissingTable(_ error: any Error) -> Bool {
        let text = "\(String(reflecting: error)) \(error)"
        return text.contains("no such table") || text.contains("42P01") || text.contains("relation \"jobs\" does not exist")
    }

    // Made on use: `MetricNameDescriptor` is not `Sendable`, so it cannot be a stored constant.
    private static var descriptor: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "atlas", metricName: "jobs", unitName: "",
                             helpText: "Jobs in the database by kind and status, counted at scrape time; status=\"queued\" is the queue depth.")
    }
}
