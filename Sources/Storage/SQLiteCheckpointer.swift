import Logging
import NIOConcurrencyHelpers
import SQLKit

/// When to copy the SQLite write-ahead log back into the database file. A checkpoint ends with an fsync, and on a
/// journalling file system an fsync can hold up the writer's appends to the log for tens of milliseconds; so it
/// waits for a pause in the writes (a release-minute rush lasts a fraction of a second), unless the writes go on so
/// long that the log would grow without bound.
struct CheckpointPolicy: Sendable {
    /// Checkpoints are at least this far apart.
    var spacing: Duration = .seconds(1)
    /// The writer must have committed nothing for this long…
    var quiet: Duration = .milliseconds(100)
    /// …unless the last checkpoint is this old.
    var atLatest: Duration = .seconds(3)

    func isDue(now: ContinuousClock.Instant, lastCheckpoint: ContinuousClock.Instant, lastCommit: ContinuousClock.Instant?) -> Bool {
        let sinceCheckpoint = now - lastCheckpoint
        guard sinceCheckpoint >= spacing else { return false }
        guard let lastCommit else { return true }
        return now - lastCommit >= quiet || sinceCheckpoint >= atLatest
    }
}

/// Copies the SQLite write-ahead log back into the database file off the request path, by `CheckpointPolicy`.
/// Commits never wait for the disk this way; a crash loses nothing that was committed (the log is replayed).
final class SQLiteCheckpointer: Sendable {
    private let task: Task<Void, Never>

    /// - Parameter lastCommit: when the writer last committed (nil before its first commit).
    init(
        sql: any SQLDatabase, logger: Logger, policy: CheckpointPolicy = CheckpointPolicy(),
        lastCommit: @escaping @Sendable () -> ContinuousClock.Instant?
    ) {
        task = Task {
            var lastCheckpoint = ContinuousClock.now
            while !Task.isCancelled {
                try? await Task.sleep(for: policy.quiet)
                guard !Task.isCancelled else { return }
                let now = ContinuousClock.now
                guard policy.isDue(now: now, lastCheckpoint: lastCheckpoint, lastCommit: lastCommit()) else { continue }
                lastCheckpoint = now
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
