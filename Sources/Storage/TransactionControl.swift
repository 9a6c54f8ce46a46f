import Logging
import NIOCore
import SQLKit

/// Statements that begin, end or nest transactions. `Database.transaction` owns those: a body that committed by
/// itself would, on SQLite, commit the other transactions of its group before their callers are answered, and on
/// PostgreSQL end its own transaction half-way, leaving the rest of the body outside it.
enum TransactionControl {
    static let verbs: Set<String> = ["BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE"]

    /// Throws when `sql` is one of those statements.
    static func refuse(_ sql: String) throws {
        let verb = sql.drop(while: \.isWhitespace).prefix(while: \.isLetter).uppercased()
        guard !verbs.contains(verb) else { throw StorageError.transactionControl(verb) }
    }
}

/// A transaction's connection as its body sees it: every statement but transaction control (PostgreSQL).
struct TransactionBodyDatabase: SQLDatabase {
    let session: any SQLDatabase

    var logger: Logger { session.logger }
    var eventLoop: any EventLoop { session.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { session.version }
    var dialect: any SQLDialect { session.dialect }
    var queryLogLevel: Logger.Level? { session.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            try TransactionControl.refuse(serialize(query).sql)
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
        return session.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try TransactionControl.refuse(serialize(query).sql)
        try await session.execute(sql: query, onRow)
    }
}
