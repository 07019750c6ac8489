import NIOConcurrencyHelpers
import Prometheus

/// Open WebSocket connections (live events to DCC panels and the web UI), as a gauge.
///
/// The count is kept here and the gauge set from it under one lock, so a close reported twice, or
/// without an open before it, never takes the gauge below zero, and two threads cannot leave it
/// showing a count that was already superseded.
final class WebSocketMetrics: Sendable {
    private let gauge: Gauge
    private let open = NIOLockedValueBox(0)

    init(registry: PrometheusCollectorRegistry) {
        gauge = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "atlas", metricName: "websocket_connections", unitName: "", helpText: "Open WebSocket connections."))
        gauge.set(to: 0)
    }

    /// A client connected.
    func connectionOpened() {
        open.withLockedValue { count in
            count += 1
            gauge.set(to: Double(count))
        }
    }

    /// A client went away, for whatever reason.
    func connectionClosed() {
        open.withLockedValue { count in
            count = max(0, count - 1)
            gauge.set(to: Double(count))
        }
    }

    /// The connections open now.
    var openConnections: Int { open.withLockedValue { $0 } }
}
