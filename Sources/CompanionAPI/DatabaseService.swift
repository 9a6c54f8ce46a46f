import Logging
import ServiceLifecycle
import Storage

/// Keeps the database open while the server runs and closes it after the HTTP server has finished its
/// in-flight requests (the service group stops services in reverse order).
struct DatabaseService: Service {
    let database: Database
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        try await database.close()
        logger.info("database closed")
    }
}
