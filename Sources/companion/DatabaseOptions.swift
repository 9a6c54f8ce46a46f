import ArgumentParser
import Foundation
import Logging
import Storage

/// The options every command that touches the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder for the SQLite file and the speech cache. Env: COMPANION_DATA_DIR. Default: ./data")
    var dataDirectory: String?

    @Option(
        name: .customLong("database-url"),
        help: "sqlite:///path or postgres://user:pass@host:port/db. Env: COMPANION_DATABASE_URL. Default: sqlite://<data-dir>/companion.sqlite")
    var databaseURL: String?

    @Option(
        name: .customLong("database-pool-size"),
        help: "PostgreSQL: the most connections this instance opens (1–500). Env: COMPANION_DATABASE_POOL_SIZE. Default: 8 per core")
    var databasePoolSize: Int?

    @Option(
        name: .customLong("master-key-file"),
        help: """
            File holding the master key that wraps the data keys sealing health text (32 random bytes, base64: \
            `openssl rand -base64 32`). Env: COMPANION_MASTER_KEY_FILE, or the key itself in COMPANION_MASTER_KEY. \
            Default in dev: <data-dir>/master.key, made on first start; production refuses to start without one.
            """)
    var masterKeyFile: String?

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

    /// The master key from its file or the environment, else the data folder's own (dev mode), made there when
    /// missing only if `makeInDataFolder`.
    func masterKey(makeInDataFolder: Bool) throws -> MasterKey {
        if let path = masterKeyFile ?? environment["COMPANION_MASTER_KEY_FILE"] { return try MasterKey.load(path: path) }
        if let text = environment["COMPANION_MASTER_KEY"] { return try MasterKey(base64: text) }
        let devKey = URL(fileURLWithPath: resolvedDataDirectory).appendingPathComponent("master.key").path
        guard makeInDataFolder || FileManager.default.fileExists(atPath: devKey) else {
            throw ValidationError("production needs a master key: --master-key-file or COMPANION_MASTER_KEY_FILE (`openssl rand -base64 32 > FILE`)")
        }
        try FileManager.default.createDirectory(
            atPath: resolvedDataDirectory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        return try MasterKey.loadOrCreate(path: devKey)
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

    /// Opens the database and applies pending migrations; with a master key, unlocks its data keys too.
    /// - Parameter requireTLS: a PostgreSQL URL without a TLS mode of its own gets `sslmode=require` (production).
    func openMigrated(logger: Logger, requireTLS: Bool = false, unlockingWith masterKey: MasterKey? = nil) async throws -> Database {
        let given = try DatabaseURL(
            resolvedDatabaseURL
                ?? "sqlite://" + URL(fileURLWithPath: resolvedDataDirectory).appendingPathComponent("companion.sqlite").path)
        let url = requireTLS ? given.requiringTLS() : given
        let database = try await Database.open(url, logger: logger, postgresConnections: try resolvedPoolSize())
        do {
            try await Migrator().migrate(database, logger: logger)
            if let masterKey { try await database.unlock(with: masterKey) }
        } catch {
            try? await database.close()
            throw error
        }
        return database
    }
}
