import Foundation
import Prometheus
import Vapor

/// Times every request into `atlas_http_request_duration_seconds{route,method,status}`.
///
/// `route` is the matched route's declared pattern (`/api/v1/assets/{asset_id}`), never the URL
/// asked for: ids in labels would make a series per asset and swamp Prometheus. Requests that match
/// no route share `route="unmatched"`, and methods outside the standard set share `method="OTHER"`,
/// for the same reason: a client must not be able to mint series. `status` is the class (`2xx`,
/// `4xx`, …). The time runs until the response head is ready, so a long download counts the
/// time to its first byte, not the transfer.
///
/// Installed first, so it sees the status `ProblemMiddleware` turned an error into, and the time
/// that authentication takes.
struct MetricsMiddleware: AsyncMiddleware {
    /// From a cached read (milliseconds) to a large streamed upload (a minute and more).
    static let buckets: [Duration] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300].map { Duration.seconds($0) }

    private static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    let registry: PrometheusCollectorRegistry

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next.respond(to: request)
            record(request, status: response.status.code, since: start)
            return response
        } catch {
            // Nothing outside this middleware turns errors into responses but Vapor itself, with a 500.
            record(request, status: 500, since: start)
            throw error
        }
    }

    private func record(_ request: Request, status: UInt, since start: ContinuousClock.Instant) {
        let labels = [("route", Self.route(of: request)), ("method", Self.method(of: request)), ("status", "\(status / 100)xx")]
        registry.makeDurationHistogram(descriptor: Self.descriptor, labels: labels, buckets: Self.buckets)
            .record(ContinuousClock.now - start)
    }

    /// The declared pattern of the route that answered: the endpoint's own path when the handler
    /// was reached, else the path Vapor matched (a body refused before the handler ran), else `unmatched`.
    static func route(of request: Request) -> String {
        if let endpoint = request.endpoint { return endpoint.path }
        return request.route?.documentedPath ?? "unmatched"
    }

    static func method(of request: Request) -> String {
        let method = request.method.rawValue
        return knownMethods.contains(method) ? method : "OTHER"
    }

    // Made on use: `MetricNameDescriptor` is not `Sendable`, so it cannot be a stored constant.
    private static var descriptor: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "atlas", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                             helpText: "Time to answer a request, by route pattern, method and status class.")
    }
}
