import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLKit over the `SQLiteWriter`: the transactions' code stays the same on both engines.
///
/// A statement issued on the writer's event loop (where `Database.transaction` runs its body) executes at once,
/// without suspending; from anywhere else it is submitted to that loop.
struct SQLiteWriterDatabase: SQLDatabase {
    let writer: SQLiteWriter
    let logger: Logger
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()

    init(writer: SQLiteWriter, logger: Logger) {
        self.writer = writer
        self.logger = logger
    }

    var eventLoop: any EventLoop { writer.eventLoop }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        writer.eventLoop.submit { try run(query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        if writer.eventLoop.inEventLoop {
            try run(query, onRow)
        } else {
            try await execute(sql: query, onRow).get()
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        try TransactionControl.refuse(sql)
        try writer.execute(sql, binds: binds.map { try encoder.encode($0) }) { columns, values in
            onRow(SQLiteWriterRow(columns: columns, values: values, decoder: decoder))
        }
    }
}

/// One row read on the writer connection.
struct SQLiteWriterRow: SQLRow {
    let columns: [String]
    let values: [SQLiteData]
    let decoder: SQLiteDataDecoder

    var allColumns: [String] { columns }

    func contains(column: String) -> Bool { columns.contains(column) }

    func decodeNil(column: String) throws -> Bool {
        guard let index = columns.firstIndex(of: column) else { return true }
        return values[index] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let index = columns.firstIndex(of: column) else {
            throw SQLiteWriterError(code: 0, message: "no column named \(column) in the row")
        }
        return try decoder.decode(D.self, from: values[index])
    }
}
