import Logging
import Scheduling
import ServiceLifecycle

/// Every 30 seconds, passes waitlist offers that nobody took on to the next patient, so the next offer goes out
/// without waiting for someone to look. Nothing depends on it for correctness: expired holds stop counting by
/// themselves, and the same step runs whenever notifications are read.
struct WaitlistService: Service {
    let registration: Registration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let moved = try await registration.passOnExpiredOffers()
                if moved > 0 { logger.info("waitlist offers passed on", metadata: ["count": "\(moved)"]) }
            } catch {
                logger.warning("waitlist sweep failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(30)) }
        }
    }
}
