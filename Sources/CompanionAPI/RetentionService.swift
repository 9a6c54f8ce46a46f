import Foundation
import Logging
import ServiceLifecycle
import Storage

/// Every hour, deletes what the retention rules (`RetentionRule.standard`) no longer keep: spent login codes,
/// expired tokens, old login failures, idempotency keys, holds, waitlist entries and notifications. Logs how many
/// rows per table, never their contents.
struct RetentionService: Service {
    let sweep: RetentionSweep
    let clock: any NowProvider
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let deleted = try await sweep.run(now: clock.now())
                if !deleted.isEmpty {
                    logger.info("retention sweep", metadata: deleted.mapValues { .stringConvertible($0) })
                }
            } catch {
                logger.warning("retention sweep failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(3600)) }
        }
    }
}
