import NIOConcurrencyHelpers
import NIOCore
import SQLKit

/// Runs SQLite write transactions one at a time on the writer connection, first come first served, and commits the
/// ones that queue up together with a single `COMMIT` (group commit).
///
/// A turn runs its body inside a savepoint of the open transaction: a body that throws undoes only its own writes.
/// When a turn ends, the commit is queued on the writer's event loop behind the transactions already waiting there,
/// so those join the same transaction; at most `maxTurnsPerGroup` share one. A caller gets its result only once
/// its group has committed: nothing is reported done that a crash could still lose, and readers see it at once.
/// If the group cannot commit (or SQLite rolls the whole transaction back), every turn in it gets the error and
/// nothing of it is written.
///
/// A transaction's task runs with the writer's event loop as its executor, so its statements execute there in
/// place; the state lives on that loop and is touched only there, and waiting is an `EventLoopPromise`. (An actor on
/// that loop, entered from tasks preferring it, lost a waiter's wake-up about once in ten release-minute rushes.)
final class GroupCommit: @unchecked Sendable {
    /// Turns sharing one transaction at most: bounds how long the first of them waits for the commit.
    static let maxTurnsPerGroup = 16

    private let sql: SQLiteWriterDatabase
    private let executor: EventLoopTaskExecutor
    private var writer: SQLiteWriter { sql.writer }
    private var eventLoop: any EventLoop { sql.writer.eventLoop }
    // The variables below are read and written only on `eventLoop`.
    private var busy = false
    private var waiting = CircularBuffer<EventLoopPromise<Void>>()
    private var open: Group?
    private let lastCommitAt = NIOLockedValueBox<ContinuousClock.Instant?>(nil)

    /// When a group last committed (nil before the first): the checkpointer waits for a pause in the writes.
    var lastCommit: ContinuousClock.Instant? { lastCommitAt.withLockedValue { $0 } }

    /// One transaction on the writer and the turns that wrote in it.
    // Touched only on `eventLoop`, like the rest of the state.
    private final class Group: @unchecked Sendable {
        var turns = 0
        var commitQueued = false
        let committed: EventLoopPromise<Void>
        init(_ committed: EventLoopPromise<Void>) { self.committed = committed }
    }

    /// Transactions on `sql`'s writer connection, run on its event loop.
    init(sql: SQLiteWriterDatabase) {
        self.sql = sql
        executor = EventLoopTaskExecutor(sql.writer.eventLoop)
    }

    /// Runs `body` in its turn and returns its result once the transaction holding its writes has committed.
    func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withTaskExecutorPreference(executor) { try await inTurn(body) }
    }

    private func inTurn<R>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        eventLoop.preconditionInEventLoop()
        try await takeTurn().get()
        let group: Group
        let outcome: Result<R, any Error>
        do {
            group = try joinOrBegin()
        } catch {
            passTurn()
            throw error
        }
        do {
            try writer.run("SAVEPOINT turn")
            let value = try await body(sql)
            try writer.run("RELEASE turn")
            outcome = .success(value)
        } catch {
            outcome = .failure(error)
            undoTurn(of: group, after: error)
        }
        endTurn(of: group)
        passTurn()
        let value = try outcome.get()
        try await group.committed.futureResult.get()
        return value
    }

    private func joinOrBegin() throws -> Group {
        if let open { return open }
        try writer.run("BEGIN IMMEDIATE")
        let group = Group(eventLoop.makePromise())
        open = group
        return group
    }

    /// Rolls back to the turn's savepoint; if SQLite has already rolled the whole transaction back (as some errors
    /// make it do), the group fails with the turn's error.
    private func undoTurn(of group: Group, after error: any Error) {
        if writer.inTransaction, (try? writer.run("ROLLBACK TO turn")) != nil, (try? writer.run("RELEASE turn")) != nil { return }
        abandon(group, error)
    }

    /// Commits now when the group is full, else queues the commit behind the transactions already waiting.
    private func endTurn(of group: Group) {
        guard open === group else { return }
        group.turns += 1
        if group.turns >= Self.maxTurnsPerGroup {
            commit(group)
        } else if !group.commitQueued {
            group.commitQueued = true
            eventLoop.execute {
                self.takeTurn().whenComplete { _ in
                    if self.open === group { self.commit(group) }
                    self.passTurn()
                }
            }
        }
    }

    private func commit(_ group: Group) {
        open = nil
        do {
            try writer.run("COMMIT")
            lastCommitAt.withLockedValue { $0 = .now }
            group.committed.succeed()
        } catch {
            abandon(group, error)
        }
    }

    private func abandon(_ group: Group, _ error: any Error) {
        if open === group { open = nil }
        if writer.inTransaction { try? writer.run("ROLLBACK") }
        group.committed.fail(error)
    }

    private func takeTurn() -> EventLoopFuture<Void> {
        guard busy else {
            busy = true
            return eventLoop.makeSucceededVoidFuture()
        }
        let turn = eventLoop.makePromise(of: Void.self)
        waiting.append(turn)
        return turn.futureResult
    }

    private func passTurn() {
        if let next = waiting.popFirst() {
            next.succeed()
        } else {
            busy = false
        }
    }
}
