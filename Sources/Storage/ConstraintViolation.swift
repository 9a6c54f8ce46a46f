import PostgresKit
import SQLiteNIO

/// Recognises a write that a rule of the schema refused (a unique index, a foreign key), by the rule's name, so a
/// caller maps the one it expects (a second booking of the day, a profile with appointments) and lets every other
/// error through as what it is. PostgreSQL names the
/// index; SQLite names its table and columns.
public enum ConstraintViolation {
    /// Whether `error` is a violation of the unique index `index` on `columns` (`table.column`, in index order).
    public static func isUnique(_ error: any Error, index: String, columns: [String]) -> Bool {
        if let postgres = error as? PSQLError {
            return postgres.serverInfo?[.sqlState] == "23505" && postgres.serverInfo?[.constraintName] == index
        }
        let sqliteMessage = "UNIQUE constraint failed: " + columns.joined(separator: ", ")
        if let writer = error as? SQLiteWriterError { return writer.code & 0xFF == 19 && writer.message == sqliteMessage }
        if let reader = error as? SQLiteError { return reader.reason == .constraint && reader.message == sqliteMessage }
        return false
    }

    /// Whether `error` is a violation of the foreign key `constraint` (PostgreSQL's name for it). SQLite does not
    /// name the key, so there any foreign-key violation counts: callers ask only about statements that can break one.
    public static func isForeignKey(_ error: any Error, constraint: String) -> Bool {
        if let postgres = error as? PSQLError {
            return postgres.serverInfo?[.sqlState] == "23503" && postgres.serverInfo?[.constraintName] == constraint
        }
        let sqliteMessage = "FOREIGN KEY constraint failed"
        if let writer = error as? SQLiteWriterError { return writer.code & 0xFF == 19 && writer.message == sqliteMessage }
        if let reader = error as? SQLiteError { return reader.reason == .constraint && reader.message == sqliteMessage }
        return false
    }
}
