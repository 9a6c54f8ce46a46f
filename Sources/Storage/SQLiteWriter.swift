import Foundation
import NIOCore
import SQLiteNIO
// The C library sqlite-nio builds and links. Using that very copy (and not Debian's libsqlite3) matters: two copies of
// SQLite in one process keep separate books of their POSIX file locks, and closing a file in one drops the other's.
import VaporCSQLite

/// The one SQLite connection that runs write transactions, called directly on the thread of its own event loop.
///
/// Through sqlite-nio every statement is a round trip: a hop to a thread pool, the statement, and a hop back to
/// the event loop. A booking has eight statements and SQLite admits one writer, so those hops were the queue every
/// other booking waited in. Here a transaction whose task runs on `eventLoop` executes each statement in place,
/// with its prepared statement kept from the last time.
final class SQLiteWriter: @unchecked Sendable {
    // `handle` and `statements` are touched only on `eventLoop`'s thread (checked by `execute`), or in `close`
    // after every transaction has ended.
    let eventLoop: any EventLoop
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    private static let statementCacheLimit = 256
    private static let persistent = UInt32(SQLITE_PREPARE_PERSISTENT)

    private init(handle: OpaquePointer, eventLoop: any EventLoop) {
        self.handle = handle
        self.eventLoop = eventLoop
    }

    /// Opens the file (created when missing) with the same settings as the pool's connections.
    static func open(path: String, busyTimeoutMilliseconds: Int32, on eventLoop: any EventLoop) async throws -> SQLiteWriter {
        try await eventLoop.submit {
            var handle: OpaquePointer?
            let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
            let opened = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
            guard opened == SQLITE_OK, let handle else {
                let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "cannot open"
                sqlite_nio_sqlite3_close(handle)
                throw SQLiteWriterError(code: opened, message: message)
            }
            let writer = SQLiteWriter(handle: handle, eventLoop: eventLoop)
            sqlite_nio_sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
            do {
                // Savepoints keep the pages they change in a sub-journal, a temporary file by default: every group
                // of transactions opened, wrote and deleted one. In memory it is a few pages. synchronous=FULL syncs
                // the log at every commit, so what a client was told is written survives a power cut, not only a
                // killed process; a group of transactions shares that one sync (`GroupCommit`). secure_delete
                // overwrites what a deletion frees, so a deleted account's words do not linger in free pages.
                for pragma in [
                    "PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL", "PRAGMA wal_autocheckpoint = 0",
                    "PRAGMA temp_store = MEMORY", "PRAGMA secure_delete = ON",
                ] {
                    try writer.run(pragma)
                }
            } catch {
                writer.close()
                throw error
            }
            return writer
        }.get()
    }

    /// Runs one statement here and now, calling `onRow` with the column names and values of each row.
    func execute(_ sql: String, binds: [SQLiteData], onRow: ([String], [SQLiteData]) throws -> Void) throws {
        precondition(eventLoop.inEventLoop, "SQLiteWriter used off its thread")
        guard let handle else { throw SQLiteWriterError(code: SQLITE_MISUSE, message: "the writer connection is closed") }
        let statement = try prepared(sql, on: handle)
        // Every parameter is bound afresh each time, so the bindings are not cleared: clearing them marks a statement
        // whose plan looked at a bound value as expired, and it was re-prepared on every run.
        defer { sqlite_nio_sqlite3_reset(statement) }
        guard sqlite_nio_sqlite3_bind_parameter_count(statement) == Int32(binds.count) else {
            throw SQLiteWriterError(
                code: SQLITE_RANGE, message: "\(binds.count) values for \(sqlite_nio_sqlite3_bind_parameter_count(statement)) parameters")
        }
        for (offset, value) in binds.enumerated() {
            try check(bind(value, at: Int32(offset + 1), to: statement), on: handle)
        }
        let count = sqlite_nio_sqlite3_column_count(statement)
        var columns: [String]?
        while true {
            let step = sqlite_nio_sqlite3_step(statement)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else { throw SQLiteWriterError(code: step, message: Self.message(handle)) }
            let names = columns ?? (0..<count).map { sqlite_nio_sqlite3_column_name(statement, $0).map { String(cString: $0) } ?? "" }
            columns = names
            try onRow(names, (0..<count).map { value(at: $0, of: statement) })
        }
    }

    /// Runs a statement without values whose rows, if any, do not matter (pragmas, transaction control).
    func run(_ statement: String) throws {
        try execute(statement, binds: []) { _, _ in }
    }

    /// Whether a transaction is open on the connection (after some errors SQLite rolls it back by itself).
    var inTransaction: Bool {
        precondition(eventLoop.inEventLoop, "SQLiteWriter used off its thread")
        return handle.map { sqlite_nio_sqlite3_get_autocommit($0) == 0 } ?? false
    }

    /// Finalizes every statement and closes the connection; later calls fail with a clear error.
    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements = [:]
        sqlite_nio_sqlite3_close(handle)
        handle = nil
    }

    private func prepared(_ sql: String, on handle: OpaquePointer) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let result = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, Self.persistent, &statement, nil)
        guard result == SQLITE_OK, let statement else { throw SQLiteWriterError(code: result, message: Self.message(handle)) }
        // Statements are written with bound values, so their texts are few; the limit only guards against a caller
        // that interpolates values into the text.
        if statements.count >= Self.statementCacheLimit {
            for old in statements.values { sqlite_nio_sqlite3_finalize(old) }
            statements = [:]
        }
        statements[sql] = statement
        return statement
    }

    private func bind(_ value: SQLiteData, at index: Int32, to statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let number): sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
        case .float(let number): sqlite_nio_sqlite3_bind_double(statement, index, number)
        case .null: sqlite_nio_sqlite3_bind_null(statement, index)
        case .text(let text):
            sqlite_nio_sqlite3_bind_text64(statement, index, text, UInt64(text.utf8.count), Self.transient, UInt8(SQLITE_UTF8))
        case .blob(let buffer):
            buffer.withUnsafeReadableBytes {
                sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), Self.transient)
            }
        }
    }

    private func value(at column: Int32, of statement: OpaquePointer) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: length)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length))
            }
            return .blob(buffer)
        default: return .null
        }
    }

    private func check(_ result: Int32, on handle: OpaquePointer) throws {
        guard result == SQLITE_OK else { throw SQLiteWriterError(code: result, message: Self.message(handle)) }
    }

    private static func message(_ handle: OpaquePointer) -> String {
        String(cString: sqlite_nio_sqlite3_errmsg(handle))
    }

    // SQLITE_TRANSIENT: SQLite copies the bound bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// A failed statement on the writer connection: SQLite's result code and message (which never holds bound values).
struct SQLiteWriterError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite error \(code): \(message)" }
}
