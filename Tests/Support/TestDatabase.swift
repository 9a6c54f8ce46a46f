import Foundation
import Logging
import SQLKit
import Storage

/// The database engines the storage contract runs on: SQLite always, PostgreSQL when
/// `COMPANION_TEST_POSTGRES_URL` points at a server (CI sets it; `make test` sets it when it starts one).
public enum TestEngine: String, Sendable, CustomStringConvertible, CaseIterable {
    case sqlite, postgres

    /// The engines available in this run.
    public static var available: [TestEngine] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["COMPANION_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var description: String { rawValue }
}

/// A fresh, migrated, empty database for one test, removed afterwards: a temporary SQLite file, or a new
/// PostgreSQL database created on the test server.
public enum TestDatabase {
    public static func with(
        _ engine: TestEngine,
        migrate: Bool = true,
        _ body: @Sendable (Database) async throws -> Void
    ) async throws {
        switch engine {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("companion-test-\(UUID().uuidString).sqlite").path
            let database = try await Database.open(.sqlite(path: path), logger: quietLogger)
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            return try await run(database, migrate: migrate, body)
        case .postgres:
            guard let serverURL = TestEngine.postgresURL else { fatalError("no COMPANION_TEST_POSTGRES_URL") }
            try await PostgresTestGate.shared.pass {
                try await withNewPostgresDatabase(on: serverURL) { try await run($0, migrate: migrate, body) }
            }
        }
    }

    /// Creates a database on the test server, opens it for `body`, and drops it afterwards, whatever happens.
    private static func withNewPostgresDatabase(
        on serverURL: String,
        _ body: @Sendable (Database) async throws -> Void
    ) async throws {
        let name = "companion_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let admin = try await Database.open(try DatabaseURL(serverURL), logger: quietLogger)
        do {
            try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
            try await body(try await Database.open(try DatabaseURL(replacingDatabase(in: serverURL, with: String(name))), logger: quietLogger))
        } catch {
            try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            try? await admin.close()
            throw error
        }
        try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
        try? await admin.close()
    }

    private static func run(_ database: Database, migrate: Bool, _ body: @Sendable (Database) async throws -> Void) async throws {
        do {
            if migrate {
                try await Migrator().migrate(database, logger: quietLogger)
                try await database.unlock(with: masterKey)
            }
            try await body(database)
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
    }

    /// The master key every test database is unlocked with.
    public static let masterKey = try! MasterKey(base64: "dGVzdC1tYXN0ZXIta2V5LW9mLXRoaXJ0eS10d28tYnk=")

    /// The server URL with its database name swapped.
    public static func replacingDatabase(in url: String, with name: String) -> String {
        var parts = URLComponents(string: url)!
        parts.path = "/" + name
        return parts.string!
    }

    /// Counts the rows of a table, to prove a refused request changed nothing.
    public static func count(_ table: String, in database: Database) async throws -> Int {
        try await database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
    }
}

/// Only warnings and errors, so test output stays readable.
public let quietLogger: Logger = {
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    return logger
}()
