import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Prometheus

/// One log line and the Prometheus counters per request: method, route pattern, status, duration and the
/// request id (also returned as `X-Request-Id`). Never the query string, headers or body: they can hold
/// phone numbers, codes, tokens, names or message text.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let requestId = context.id
        var response = try await next(request, context)
        response.headers[.requestId] = requestId
        let elapsed = ContinuousClock.now - start
        let nanos = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        let route = context.endpointPath ?? "unmatched"
        let status = String(response.status.code)
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(status)",
            "ms": "\(Double(nanos) / 1_000_000)",
        ])
        registry.makeCounter(descriptor: Self.requests,
                             labels: [("method", request.method.rawValue), ("route", route), ("status", status)]).increment()
        registry.makeDurationHistogram(descriptor: Self.duration,
                                       labels: [("method", request.method.rawValue), ("route", route)],
                                       buckets: Self.buckets).recordNanoseconds(nanos)
        return response
    }

    static var requests: MetricNameDescriptor {
        .init(namespace: "companion", subsystem: "http", metricName: "requests", unitName: "total", helpText: "HTTP requests answered")
    }

    static var duration: MetricNameDescriptor {
        .init(namespace: "companion", subsystem: "http", metricName: "request_duration", unitName: "seconds", helpText: "Time to answer")
    }

    static var buckets: [Duration] { [.milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                                      .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5)] }
}

extension HTTPField.Name {
    static var requestId: Self { Self("X-Request-Id")! }
}
