import Vapor

/// `GET /metrics`: the Prometheus text exposition of this server's metrics.
///
/// Behind the permission table like every route (administrators only): Prometheus scrapes with
/// an administrator's API key as its bearer token.
struct MetricsController: Sendable {
    /// The exposition format Prometheus asks for and parses: text 0.0.4.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.metrics, use: metrics)
    }

    @Sendable func metrics(_ req: Request) async throws -> Response {
        let text = await req.atlas.metrics.scrape(req.atlasDatabase.sql, logger: req.logger)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: Self.contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(bytes: text)))
    }
}
