import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Prometheus

/// One log line and the Prometheus metrics (`RequestMetrics`) per request: method, route pattern, status, duration
/// and the request id (also returned as `X-Request-Id`). Never the query string, headers or body: they can hold
/// phone numbers, codes, tokens, names or message text.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics

    init(registry: PrometheusCollectorRegistry) { metrics = RequestMetrics(registry: registry) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let requestId = context.id
        var response = try await next(request, context)
        response.headers[.requestId] = requestId
        let elapsed = ContinuousClock.now - start
        let nanos = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        let route = context.endpointPath ?? "unmatched"
        let status = String(response.status.code)
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(status)",
                "ms": "\(Double(nanos) / 1_000_000)",
            ])
        metrics.record(method: request.method.rawValue, route: route, status: status, nanoseconds: Int64(nanos))
        return response
    }
}

extension HTTPField.Name {
    static var requestId: Self { Self("X-Request-Id")! }
}
