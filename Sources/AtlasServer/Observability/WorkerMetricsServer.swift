import Vapor

/// `atlas worker --metrics-port N`: the worker's own `GET /metrics`, for Prometheus to scrape.
///
/// A worker's job timings live in its own process, so it exposes them itself, as exporters
/// do: a listener of its own that answers nothing but the metrics, on loopback unless told
/// otherwise, without credentials (restrict it by network, like any exporter).
enum WorkerMetricsServer {
    static func start(exposing app: Application, host: String, port: Int) async throws -> Application {
        let server = try await Application.make(Environment(name: "production", arguments: ["atlas"]))
        server.logger = app.logger
        server.http.server.configuration.hostname = host
        server.http.server.configuration.port = port
        server.get("metrics") { _ in
            let text = await app.atlas.metrics.scrape(app.atlasDatabase.sql, logger: app.logger)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: MetricsController.contentType)
            headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(bytes: text)))
        }
        do {
            try await server.asyncBoot()
            try await server.server.start(address: .hostname(host, port: port))
        } catch {
            try? await server.asyncShutdown()
            throw error
        }
        return server
    }
}
