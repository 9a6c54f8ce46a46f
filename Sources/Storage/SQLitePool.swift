// EventLoopGroupConnectionPool guards its state with a lock but predates Sendable annotations.
@preconcurrency import AsyncKit
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO

/// Opens SQLite reader connections configured for a server: read-only (`query_only`), foreign keys on, a busy timeout,
/// and (once per file) write-ahead logging so readers never block the writer.
struct SQLiteServerConnectionSource: ConnectionPoolSource {
    let path: String
    let threadPool: NIOThreadPool
    static let busyTimeoutMilliseconds = 10_000

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: .file(path: path), threadPool: threadPool, logger: logger, on: eventLoop)
            .flatMap { conn in
                conn.query("PRAGMA busy_timeout = \(Self.busyTimeoutMilliseconds)")
                    .flatMap { _ in conn.query("PRAGMA foreign_keys = ON") }
                    .flatMap { _ in conn.query("PRAGMA synchronous = FULL") }
                    // Checkpoints run in the background (`SQLiteCheckpointer`), not in whichever commit happens to
                    // cross the threshold; the writer syncs the log at each commit (synchronous=FULL).
                    .flatMap { _ in conn.query("PRAGMA wal_autocheckpoint = 0") }
                    // Every write goes through the writer (`GroupCommit`); a reader that tries one fails loudly.
                    .flatMap { _ in conn.query("PRAGMA query_only = ON") }
                    .map { _ in conn }
                    .flatMapErrorThrowing { error in
                        _ = conn.close()
                        throw error
                    }
            }
    }
}

/// An `SQLDatabase` over a pool of SQLite connections: each statement borrows a connection, and a session
/// (`withSession`) keeps one connection for the whole closure, which transactions need.
struct PooledSQLiteDatabase: SQLDatabase {
    let pool: EventLoopGroupConnectionPool<SQLiteServerConnectionSource>
    let logger: Logger

    var eventLoop: any EventLoop { pool.eventLoopGroup.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        pool.withConnection(logger: logger) { conn in
            conn.sql(queryLogLevel: .trace).execute(sql: query, onRow)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await execute(sql: query, onRow).get()
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let conn = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(conn, logger: logger) }
        return try await closure(conn.sql(queryLogLevel: .trace))
    }
}
