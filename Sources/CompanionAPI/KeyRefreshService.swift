import Foundation
import Logging
import ServiceLifecycle
import Storage

/// Reloads the data keys every `interval`, so keys a rotation adds (`companion keys rotate`, on any instance) are
/// known here before they become active and seal anything.
struct KeyRefreshService: Service {
    /// How often every instance looks: a rotation activates its keys later than this.
    static let interval: Duration = .seconds(30)
    let database: Database
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: Self.interval) }
            guard !Task.isShuttingDownGracefully else { return }
            do {
                try await database.refreshKeys()
            } catch {
                logger.warning("data keys refresh failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            }
        }
    }
}
