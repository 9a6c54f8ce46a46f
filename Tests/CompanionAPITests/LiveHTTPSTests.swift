import Accounts
import AsyncHTTPClient
import CompanionAPI
import CompanionTestSupport
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import Prometheus
import Scheduling
import Simulator
import ServiceLifecycle
import Storage
import Testing

@Suite("Live HTTPS")
struct LiveHTTPSTests {
    @Test("the server speaks HTTPS with HTTP/2 to a client that trusts only the test CA")
    func https() async throws {
        let certificates = try TestCertificates.make()
        try await TestDatabase.with(.sqlite) { db in
            try await DemoHospital.seed(into: db)
            var config = AppConfiguration()
            config.port = 0
            config.tlsCertificatePath = certificates.certificatePath
            config.tlsKeyPath = certificates.keyPath
            let services = try await Services(
                database: db, clock: TestClock.wall(), otpSender: DevOTPSender(logger: quietLogger),
                secret: String(repeating: "k", count: 40), speech: try testSpeechService(sealedBy: db))
            let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
            let app = try buildApplication(
                configuration: config, services: services, registry: PrometheusCollectorRegistry(),
                logger: quietLogger
            ) { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
            }
            // The database is closed by TestDatabase, so only the HTTP server runs here.
            let group = ServiceGroup(configuration: .init(services: [.init(service: app)], logger: quietLogger))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                var port = 0
                for await value in portStream { port = value; break }

                var tls = TLSConfiguration.makeClientConfiguration()
                tls.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(certificates.caPEM.utf8), format: .pem)])
                tls.certificateVerification = .fullVerification
                let client = HTTPClient(configuration: .init(tlsConfiguration: tls))
                do {
                    let request = HTTPClientRequest(url: "https://localhost:\(port)/v1/departments")
                    // Generous: the first handshake competes with the whole suite starting on two cores (10 s was passed once).
                    let response = try await client.execute(request, timeout: .seconds(60))
                    #expect(response.status == .ok)
                    #expect(response.version == .http2)
                    let body = try await response.body.collect(upTo: 1 << 20)
                    #expect(String(buffer: body).contains("儿科"))

                    let plain = HTTPClient(configuration: .init(tlsConfiguration: .makeClientConfiguration()))
                    await #expect(throws: (any Error).self, "a client without the CA must not connect") {
                        _ = try await plain.execute(HTTPClientRequest(url: "https://localhost:\(port)/healthz"), timeout: .seconds(1))
                    }
                    try await plain.shutdown()

                    // The simulator walks a journey over HTTPS when given the CA (companion simulate --ca-cert).
                    let journey = try Journey.load(JourneyTests.folder.appendingPathComponent("faq-and-handoff.yaml"))
                    let walked = try await JourneyRunner(server: URL(string: "https://localhost:\(port)")!, httpClient: client) { _ in }.run(journey)
                    #expect(walked.passed, "\(walked.steps.flatMap(\.failures))")
                } catch {
                    Issue.record(error)
                }
                try await client.shutdown()
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
    }
}
