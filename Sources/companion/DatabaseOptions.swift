import ArgumentParser
import Foundation
import Logging
import Storage

/// The options every command that touches the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder for the SQLite file and the speech cache. Env: COMPANION_DATA_DIR. Default: ./data")
    var dataDirectory: String?

    @Option(name: .customLong("database-url"), help: "sqlite:///path or postgres://user:pass@host:port/db. Env: COMPANION_DATABASE_URL. Default: sqlite://<data-dir>/companion.sqlite")
    var databaseURL: String?

    @Option(name: .customLong("database-pool-size"), help: "PostgreSQL: the most connections this instance opens (1–500). Env: COMPANION_DATABASE_POOL_SIZE. Default: 8 per core")
    var databasePoolSize: Int?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error. Env: COMPANION_LOG_LEVEL. Default: info")
    var logLevel: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var resolvedDataDirectory: String { dataDirectory ?? environment["COMPANION_DATA_DIR"] ?? "./data" }
    var resolvedDatabaseURL: String? { databaseURL ?? environment["COMPANION_DATABASE_URL"] }
    var resolvedLogLevel: String { logLevel ?? environment["COMPANION_LOG_LEVEL"] ?? "info" }

    /// The PostgreSQL pool's size when one is set; a value out of range is refused with what to set.
    func resolvedPoolSize() throws -> Int? {
        guard let text = databasePoolSize.map(String.init) ?? environment["COMPANION_DATABASE_POOL_SIZE"] else { return nil }
        guard let size = Int(text), (1...500).contains(size) else {
            throw ValidationError("--database-pool-size (COMPANION_DATABASE_POOL_SIZE) must be a number from 1 to 500, not \(text)")
        }
        return size
    }

    /// Sends logs to standard error at the chosen level. Call once per process.
    func bootstrapLogging() throws -> Logger {
        guard let level = Logger.Level(rawValue: resolvedLogLevel) else {
            throw ValidationError("unknown log level \(resolvedLogLevel)")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "companion")
    }

    /// Opens the database and applies pending migrations.
    /// - Parameter requireTLS: a PostgreSQL URL without a TLS mode of its own gets `sslmode=require` (production).
    func openMigrated(logger: Logger, requireTLS: Bool = false) async throws -> Database {
        let given = try DatabaseURL(resolvedDatabaseURL
            ?? "sqlite://" + URL(fileURLWithPath: resolvedDataDirectory).appendingPathComponent("companion.sqlite").path)
        let url = requireTLS ? given.requiringTLS() : given
        let database = try await Database.open(url, logger: logger, postgresConnections: try resolvedPoolSize())
        do {
            try await Migrator().migrate(database, logger: logger)
        } catch {
            try? await database.close()
            throw error
        }
        return database
    }
}
