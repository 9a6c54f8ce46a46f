// EventLoopGroupConnectionPool guards its state with a lock but predates Sendable annotations.
@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit

/// The one database handle every module uses: SQLKit over a connection pool, on SQLite or PostgreSQL.
///
/// Queries go through `sql`; anything that must be all-or-nothing goes through `transaction`.
public final class Database: Sendable {
    /// Which engine is behind the handle; a few statements differ between them.
    public enum Engine: String, Sendable { case sqlite, postgres }

    public let engine: Engine
    /// Run single statements here; use `transaction` for several that belong together.
    public let sql: any SQLDatabase
    public let url: DatabaseURL
    /// Where SQLite transactions run: one dedicated writer connection (SQLite has one writer anyway, and readers
    /// filling the shared pool must not make the writer wait); transactions of this process queue there instead of
    /// in SQLite's busy handler, and those queued together commit together. PostgreSQL's run on the shared pool.
    private let groupCommit: GroupCommit?
    private let shutdownPool: @Sendable () async throws -> Void
    private let closed = NIOLockedValueBox(false)
    /// The master key and each purpose's data keys, once `unlock` has run (`Database+Sealing`).
    let keyring = NIOLockedValueBox<(master: MasterKey?, keys: [SealedPurpose: [DataKeyEntry]])>((nil, [:]))

    /// Opens a pool for the URL. SQLite files are created (with their folder) when missing.
    /// - Parameter postgresConnections: the most connections to PostgreSQL (spread over the event loops, at least one
    ///   each); 8 per event loop when nil. SQLite's pool is fixed: one writer and four readers per event loop.
    public static func open(
        _ url: DatabaseURL,
        logger: Logger = Logger(label: "companion.db"),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        postgresConnections: Int? = nil
    ) async throws -> Database {
        switch url {
        case .sqlite(let path):
            try createOwnerOnly(sqliteFile: path)
            let perLoop = 4
            // SQLite calls block their thread (and wait there while another connection writes), so every
            // connection gets a thread of its own: a shared, smaller pool can starve the writer holding the lock.
            let threads = NIOThreadPool(numberOfThreads: perLoop * Self.loopCount(eventLoopGroup))
            threads.start()
            // The writer has an event loop (a thread) of its own: its statements run there, in place, and never
            // queue behind a crowd of reads or HTTP traffic.
            let writerGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let writerLoop = writerGroup.next()
            let pool = EventLoopGroupConnectionPool(
                source: SQLiteServerConnectionSource(path: path, threadPool: threads),
                maxConnectionsPerEventLoop: perLoop,
                requestTimeout: .seconds(30),
                logger: logger,
                on: eventLoopGroup
            )
            let writer: SQLiteWriter
            do {
                writer = try await SQLiteWriter.open(
                    path: path, busyTimeoutMilliseconds: Int32(SQLiteServerConnectionSource.busyTimeoutMilliseconds),
                    on: writerLoop)
            } catch {
                try? await pool.shutdownAsync()
                try? await threads.shutdownGracefully()
                try? await writerGroup.shutdownGracefully()
                throw error
            }
            let readers = PooledSQLiteDatabase(pool: pool, logger: logger)
            let groupCommit = GroupCommit(sql: SQLiteWriterDatabase(writer: writer, logger: logger))
            let checkpointer = SQLiteCheckpointer(sql: readers, logger: logger) { groupCommit.lastCommit }
            let database = Database(engine: .sqlite, url: url, sql: readers, groupCommit: groupCommit) {
                await checkpointer.finish(sql: readers)
                try await pool.shutdownAsync()
                try await writerLoop.submit { writer.close() }.get()
                try await threads.shutdownGracefully()
                try await writerGroup.shutdownGracefully()
            }
            // WAL is a property of the file, so setting it once is enough.
            return try await database.checked("PRAGMA journal_mode = WAL")
        case .postgres(let text):
            let configuration = try SQLPostgresConfiguration(url: text)
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration),
                maxConnectionsPerEventLoop: postgresConnections.map { max(1, $0 / Self.loopCount(eventLoopGroup)) } ?? 8,
                requestTimeout: .seconds(30),
                logger: logger,
                on: eventLoopGroup
            )
            let sql = pool.database(logger: logger).sql(queryLogLevel: .trace)
            let database = Database(engine: .postgres, url: url, sql: sql, groupCommit: nil) {
                try await pool.shutdownAsync()
            }
            return try await database.checked("SELECT 1")
        }
    }

    /// Runs a first statement; if it fails, the pools and threads just opened are closed before the error is thrown.
    private func checked(_ statement: String) async throws -> Database {
        do {
            try await sql.raw(SQLQueryString(statement)).run()
            return self
        } catch {
            try? await close()
            throw error
        }
    }

    private init(
        engine: Engine, url: DatabaseURL, sql: any SQLDatabase, groupCommit: GroupCommit?,
        shutdown: @escaping @Sendable () async throws -> Void
    ) {
        self.groupCommit = groupCommit
        self.engine = engine
        self.url = url
        self.sql = sql
        self.shutdownPool = shutdown
    }

    /// Runs one writing statement as a transaction of its own: on SQLite every write goes through the single writer
    /// (a write on a reader connection would compete with it for the lock), on PostgreSQL it is a plain statement.
    public func write(_ statement: SQLQueryString) async throws {
        try await transaction { db in try await db.raw(statement).run() }
    }

    /// Runs `body` in one transaction on one connection: committed when it returns, rolled back when it throws.
    /// On SQLite it runs in a savepoint of the writer's transaction, which the transactions queued with it share
    /// (group commit), and returns once that has committed; the write lock is taken at the start
    /// (`BEGIN IMMEDIATE`), so a read-then-write inside never fails half-way with a lock upgrade error.
    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        guard let groupCommit else { return try await run(body) }
        return try await groupCommit.transaction(body)
    }

    private func run<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await sql.withSession { session in
            try await session.raw("BEGIN").run()
            do {
                let result = try await body(TransactionBodyDatabase(session: session))
                try await session.raw("COMMIT").run()
                return result
            } catch {
                try? await session.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    private static func loopCount(_ group: any EventLoopGroup) -> Int {
        var count = 0
        for _ in group.makeIterator() { count += 1 }
        return max(count, 1)
    }

    /// Makes a missing SQLite file, and its missing folders, readable by the server's user only: SQLite gives its
    /// journal files the database file's permissions. Existing ones are left as the operator set them.
    private static func createOwnerOnly(sqliteFile path: String) throws {
        let files = FileManager.default
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        if !files.fileExists(atPath: folder.path) {
            try files.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        if !files.fileExists(atPath: path) { _ = files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) }
    }

    /// True when the database answers a trivial query.
    public func isReachable() async -> Bool {
        (try? await sql.raw("SELECT 1 AS ok").first()) != nil
    }

    /// Closes every pooled connection, once; later calls do nothing.
    public func close() async throws {
        let first = closed.withLockedValue { wasClosed in
            defer { wasClosed = true }
            return !wasClosed
        }
        if first { try await shutdownPool() }
    }
}

extension SQLDatabase {
    /// Inside a transaction, serialises every transaction that takes the same key until it ends.
    /// SQLite needs nothing: `BEGIN IMMEDIATE` already admits one writer at a time.
    public func lock(key: String, engine: Database.Engine) async throws {
        guard engine == .postgres else { return }
        try await raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: key)))").run()
    }
}
