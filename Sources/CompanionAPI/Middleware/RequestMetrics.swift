import NIOConcurrencyHelpers
import Prometheus

/// The Prometheus request counter and duration histogram of each route, made once and kept: making them through
/// the registry validates names and labels on every call, a share of a busy server's CPU. Methods outside HTTP's
/// usual ones count as "other", so a client inventing methods cannot grow the metrics without bound.
final class RequestMetrics: Sendable {
    private struct Route: Hashable {
        let method: String
        let route: String
    }

    private struct Answer: Hashable {
        let route: Route
        let status: String
    }

    private let registry: PrometheusCollectorRegistry
    private let counters = NIOLockedValueBox<[Answer: Counter]>([:])
    private let histograms = NIOLockedValueBox<[Route: DurationHistogram]>([:])

    init(registry: PrometheusCollectorRegistry) { self.registry = registry }

    /// Counts one answer and its time.
    func record(method: String, route: String, status: String, nanoseconds: Int64) {
        let key = Route(method: Self.knownMethods.contains(method) ? method : "other", route: route)
        let counter = counters.withLockedValue { made in
            if let counter = made[Answer(route: key, status: status)] { return counter }
            let counter = registry.makeCounter(descriptor: Self.requests, labels: [("method", key.method), ("route", route), ("status", status)])
            made[Answer(route: key, status: status)] = counter
            return counter
        }
        let histogram = histograms.withLockedValue { made in
            if let histogram = made[key] { return histogram }
            let histogram = registry.makeDurationHistogram(
                descriptor: Self.duration, labels: [("method", key.method), ("route", route)],
                buckets: Self.buckets)
            made[key] = histogram
            return histogram
        }
        counter.increment()
        histogram.recordNanoseconds(nanoseconds)
    }

    private static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    static var requests: MetricNameDescriptor {
        .init(namespace: "companion", subsystem: "http", metricName: "requests", unitName: "total", helpText: "HTTP requests answered")
    }

    static var duration: MetricNameDescriptor {
        .init(namespace: "companion", subsystem: "http", metricName: "request_duration", unitName: "seconds", helpText: "Time to answer")
    }

    static var buckets: [Duration] {
        [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
    }
}
