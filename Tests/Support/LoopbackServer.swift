import Hummingbird
import Logging
import ServiceLifecycle

/// A router served on a free loopback port while a test runs, without Hummingbird's test client: that client's own
/// 5-s connect timed out when the whole suite started at once on two cores (the clients under test wait longer).
public enum LoopbackServer {
    struct NotStarted: Error {}

    /// Serves `router` on 127.0.0.1 at a free port; `body` gets the port, and the server stops when it returns.
    public static func run(
        _ router: Router<BasicRequestContext>, logger: Logger,
        _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws {
        let (ports, port) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { port.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let services = ServiceGroup(configuration: .init(services: [.init(service: app)], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // A server that fails to start ends the stream, so the wait below ends too.
                defer { port.finish() }
                try await services.run()
            }
            var started = ports.makeAsyncIterator()
            guard let running = await started.next() else { throw NotStarted() }
            do {
                try await body(running)
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
            // Not cancelled: a cancelled server drops the connections it accepted but had not served yet, and NIO ends
            // the process over their unfinished writers (apple/swift-nio#3481). A graceful stop serves them first.
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }
}
