import ArgumentParser
import Foundation
import Logging
import Simulator

struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Walk patient journeys (YAML) through the API and check every reply.",
        discussion: "Without --server, a dev server with the demo hospital runs inside this process. Exit status 0 only when every expectation held.")

    @Argument(help: "Journey files, e.g. fixtures/journeys/*.yaml")
    var journeys: [String]

    @Option(help: "A running dev-mode server, e.g. http://127.0.0.1:8080.")
    var server: String?

    @Option(help: "Write each step's result and latency as JSON to this file.")
    var report: String?

    func run() async throws {
        let loaded = try journeys.map { try Journey.load(URL(fileURLWithPath: $0)) }
        var logger = Logger(label: "companion")
        logger.logLevel = .error
        let results: [JourneyResult]
        if let server {
            guard let url = URL(string: server), url.scheme != nil else { throw ValidationError("--server must be a URL like http://127.0.0.1:8080") }
            results = try await Self.walk(loaded, on: url)
        } else {
            results = try await InProcessServer.with(logger: logger) { url in try await Self.walk(loaded, on: url) }
        }
        if let report {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(results).write(to: URL(fileURLWithPath: report))
        }
        let failed = results.filter { !$0.passed }.map(\.journey)
        print("\(results.count - failed.count) of \(results.count) journeys passed" + (failed.isEmpty ? "" : "; failed: \(failed.joined(separator: ", "))"))
        if !failed.isEmpty { throw ExitCode(1) }
    }

    static func walk(_ journeys: [Journey], on server: URL) async throws -> [JourneyResult] {
        var results: [JourneyResult] = []
        for journey in journeys { results.append(try await JourneyRunner(server: server) { print($0) }.run(journey)) }
        return results
    }
}
