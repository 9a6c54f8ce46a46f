import Logging
import SQLKit

/// Copies the SQLite write-ahead log back into the database file once a second, off the request path.
/// Commits never wait for the disk this way; a crash loses nothing that was committed (the log is replayed).
final class SQLiteCheckpointer: Sendable {
    private let task: Task<Void, Never>

    init(sql: any SQLDatabase, logger: Logger, interval: Duration = .seconds(1)) {
        task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { return }
                do {
                    try await sql.raw("PRAGMA wal_checkpoint(PASSIVE)").run()
                } catch {
                    logger.warning("SQLite checkpoint failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
            }
        }
    }

    /// Stops the loop and folds the whole log into the database file.
    func finish(sql: any SQLDatabase) async {
        task.cancel()
        _ = await task.value
        try? await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
    }
}
