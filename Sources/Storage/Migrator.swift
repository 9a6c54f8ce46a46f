import Foundation
import Logging
import SQLKit

/// Applies the schema's migrations that a database has not seen yet, each in its own transaction, and records
/// them in `schema_migrations`. Safe to run from several instances at once: the version row is written first,
/// so a second instance waits on it and then finds the migration done.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration] = Schema.migrations) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Versions recorded in the database, oldest first.
    public func appliedVersions(on database: Database) async throws -> [Int] {
        try await ensureLedger(on: database)
        return try await database.sql.raw("SELECT version FROM schema_migrations ORDER BY version")
            .all().map { try $0.decode(column: "version", as: Int.self) }
    }

    /// True when every migration of this build is applied.
    public func isUpToDate(on database: Database) async -> Bool {
        guard let applied = try? await appliedVersions(on: database) else { return false }
        return Set(migrations.map(\.version)).isSubset(of: Set(applied))
    }

    /// Applies what is missing; returns the versions it applied.
    @discardableResult
    public func migrate(_ database: Database, logger: Logger = Logger(label: "companion.migrate")) async throws -> [Int] {
        let applied = Set(try await appliedVersions(on: database))
        let unknown = applied.subtracting(migrations.map(\.version))
        guard unknown.isEmpty else { throw StorageError.unknownMigrations(unknown.sorted()) }
        var done: [Int] = []
        for migration in migrations where !applied.contains(migration.version) {
            let ran = try await database.transaction { db in
                let already = try await db.raw("SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)").first()
                guard already == nil else { return false }
                try await db.raw(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at) \
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Clock.millis(Date())))
                    """
                ).run()
                for statement in migration.statements {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                return true
            }
            if ran {
                logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                done.append(migration.version)
            }
        }
        return done
    }

    private func ensureLedger(on database: Database) async throws {
        try await database.write(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
            """)
    }
}
