import AsyncHTTPClient
import Foundation

/// Many virtual patients walking one journey at once, for load: each with its own phone, at most `concurrency` at a
/// time. Reports per-step latency percentiles, throughput and errors.
public struct Crowd: Sendable {
    public struct StepStatistics: Codable, Sendable {
        public let say: String
        public let p50Ms: Double
        public let p95Ms: Double
        public let p99Ms: Double
    }

    public struct Report: Codable, Sendable {
        public let patients: Int
        public let concurrency: Int
        public let seconds: Double
        public let turnsPerSecond: Double
        public let steps: [StepStatistics]
        /// Patients whose journey could not be walked (an HTTP error, a refused sign-in).
        public let errors: Int
        /// What went wrong for the first patient who could not finish, if one could not.
        public let firstError: String?
        /// Expectations that did not hold, over all patients.
        public let failedExpectations: Int
    }

    let server: URL
    let journey: Journey
    let httpClient: HTTPClient

    public init(server: URL, journey: Journey, httpClient: HTTPClient = .shared) {
        self.server = server
        self.journey = journey
        self.httpClient = httpClient
    }

    /// Runs the crowd; `progress` is told how many patients are done after each one.
    public func run(patients: Int, concurrency: Int, progress: @escaping @Sendable (Int) -> Void) async -> Report {
        let start = ContinuousClock.now
        let runner = JourneyRunner(server: server, httpClient: httpClient) { _ in }
        var results: [JourneyResult] = []
        var errors = 0
        var firstError: String?
        await withTaskGroup(of: Result<JourneyResult, any Error>.self) { group in
            var next = 0
            func launch() {
                let index = next
                next += 1
                group.addTask {
                    do { return .success(try await runner.run(journey, phone: Self.phone(for: index))) } catch { return .failure(error) }
                }
            }
            for _ in 0..<min(concurrency, patients) { launch() }
            while let outcome = await group.next() {
                switch outcome {
                case .success(let result): results.append(result)
                case .failure(let error):
                    errors += 1
                    if firstError == nil { firstError = "\(error)" }
                }
                progress(results.count + errors)
                if next < patients { launch() }
            }
        }
        let seconds = (ContinuousClock.now - start).inSeconds
        let steps = journey.steps.indices.map { index -> StepStatistics in
            let latencies = results.compactMap { $0.steps.indices.contains(index) ? $0.steps[index].latencyMs : nil }.sorted()
            func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
            return StepStatistics(say: journey.steps[index].summary, p50Ms: percentile(0.5), p95Ms: percentile(0.95), p99Ms: percentile(0.99))
        }
        let turns = results.reduce(0) { $0 + $1.steps.count }
        return Report(
            patients: patients, concurrency: concurrency, seconds: seconds, turnsPerSecond: Double(turns) / max(seconds, 0.001),
            steps: steps, errors: errors, firstError: firstError,
            failedExpectations: results.reduce(0) { $0 + $1.steps.reduce(0) { $0 + $1.failures.count } })
    }

    /// A distinct mobile number per virtual patient (199 + eight digits).
    static func phone(for index: Int) -> String { String(format: "199%08d", index) }

    /// The report as a table for the terminal.
    public static func describe(_ report: Report) -> String {
        var lines = [
            String(
                format: "%d patients, %d at a time: %.2f s, %.0f turns/s, %d errors, %d failed expectations",
                report.patients, report.concurrency, report.seconds, report.turnsPerSecond, report.errors, report.failedExpectations)
        ]
        lines.append("  p50 ms   p95 ms   p99 ms   step")
        for step in report.steps {
            lines.append(String(format: "  %6.1f   %6.1f   %6.1f   ", step.p50Ms, step.p95Ms, step.p99Ms) + step.say)
        }
        if let firstError = report.firstError { lines.append("first error: \(firstError)") }
        return lines.joined(separator: "\n")
    }
}
