import Accounts
import ArgumentParser
import CompanionAPI
import Foundation
import Hummingbird
import Logging
import Prometheus
import Scheduling
import ServiceLifecycle
import Speech
import Storage

/// A dev-mode server inside this process, on a free loopback port, with a temporary data folder, the demo hospital
/// and its next 14 days of sessions: what `companion chat` talks to unless given `--server`.
enum InProcessServer {
    /// Starts the server, runs `body` with its URL, then stops it and removes its data.
    static func with<T: Sendable>(
        logger: Logger, prepare: @Sendable (Database) async throws -> Void = { _ in },
        _ body: @escaping @Sendable (URL) async throws -> T
    ) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("companion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await Database.open(try DatabaseURL("sqlite://" + folder.appendingPathComponent("companion.sqlite").path), logger: logger)
        do {
            try await Migrator().migrate(database, logger: logger)
            try await database.unlock(with: MasterKey.random())
            try await DemoHospital.seed(into: database)
            try await ClinicSchedule.seedFromToday(into: database)
            try await prepare(database)
            let speech = SpeechService(
                cache: try SpeechCache(
                    directory: folder.appendingPathComponent("speech-cache"), capacityBytes: 64 << 20,
                    sealing: database.speechSealing))
            // Every simulated patient logs in from this one loopback address: the per-client code limit would stop a
            // run of more than a dozen journeys.
            let services = try await Services(
                database: database, clock: OffsetClock(), otpSender: DevOTPSender(logger: logger),
                secret: UUID().uuidString + UUID().uuidString, speech: speech,
                codeLimits: CodeLimits(perClient: 100_000, perService: 10_000_000))
            var configuration = AppConfiguration()
            configuration.port = 0
            let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
            let app = try buildApplication(
                configuration: configuration, services: services, registry: PrometheusCollectorRegistry(),
                logger: logger
            ) { channel in portContinuation.yield(channel.localAddress?.port ?? 0) }
            let group = ServiceGroup(configuration: .init(services: [.init(service: app)], logger: logger))
            let result = try await withThrowingTaskGroup(of: T?.self) { tasks in
                tasks.addTask {
                    try await group.run()
                    return nil
                }
                var port = 0
                for await value in ports { port = value; break }
                let outcome = try await body(URL(string: "http://127.0.0.1:\(port)")!)
                await group.triggerGracefulShutdown()
                for try await _ in tasks {}
                return outcome
            }
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    }
}

/// The server `companion chat` and `simulate` talk to: the one at `--server`, or a dev server inside this process.
enum TargetServer {
    static func with<T: Sendable>(
        _ server: String?, prepare: @Sendable (Database) async throws -> Void = { _ in },
        _ body: @escaping @Sendable (URL) async throws -> T
    ) async throws -> T {
        if let server {
            guard let url = URL(string: server), url.scheme != nil else { throw ValidationError("--server must be a URL like http://127.0.0.1:8080") }
            return try await body(url)
        }
        var logger = Logger(label: "companion")
        logger.logLevel = .error
        return try await InProcessServer.with(logger: logger, prepare: prepare, body)
    }
}
