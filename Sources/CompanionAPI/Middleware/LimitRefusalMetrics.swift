import NIOConcurrencyHelpers
import Prometheus

/// Counts the requests each named limit refused (`companion_limit_refusals_total{limit="turns_limited"}`), so an
/// operator sees which limit is biting, not only that some route answered 429. The label is the problem's `code`,
/// one of the server's own, so the series stay few whatever clients send.
final class LimitRefusalMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let counters = NIOLockedValueBox<[String: Counter]>([:])

    init(registry: PrometheusCollectorRegistry) { self.registry = registry }

    /// Counts one refusal by the limit named `code`.
    func refused(by code: String) {
        let counter = counters.withLockedValue { made in
            if let counter = made[code] { return counter }
            let counter = registry.makeCounter(descriptor: Self.refusals, labels: [("limit", code)])
            made[code] = counter
            return counter
        }
        counter.increment()
    }

    static var refusals: MetricNameDescriptor {
        .init(
            namespace: "companion", subsystem: "limit", metricName: "refusals", unitName: "total",
            helpText: "Requests refused by a limit (429), by the limit's problem code")
    }
}
