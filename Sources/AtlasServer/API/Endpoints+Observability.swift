import AtlasCore

/// Routes that let operators watch a running server.
extension Endpoints {
    /// Prometheus scrapes this with an administrator's API key as its bearer token: the figures
    /// name job kinds, routes and load, which are the studio's business, not the public's.
    static let metrics = Endpoint(
        method: .GET, path: "/metrics", operationID: "metrics",
        summary: "Prometheus metrics (text format 0.0.4): request latency by route, jobs by kind and status, job wait and run time, WebSocket connections",
        group: "System", action: .readMetrics, responses: [200: "Metrics"])

    static let observability: [Endpoint] = [metrics]
}
