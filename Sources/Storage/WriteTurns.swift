import NIOCore

/// Admits one SQLite write transaction at a time, first come first served. Queueing writers here, in the process,
/// is fairer and much faster than letting them spin in SQLite's busy handler.
///
/// Its state lives on the writer's event loop and is touched only there, and waiting is an `EventLoopPromise`.
/// (An actor on that loop, entered from tasks that prefer the loop as their executor, lost a waiter's wake-up
/// about once in ten release-minute rushes: the request hung and the server could not stop.)
final class WriteTurns: @unchecked Sendable {
    // `busy` and `waiting` are read and written only on `eventLoop`.
    private let eventLoop: any EventLoop
    private var busy = false
    private var waiting = CircularBuffer<EventLoopPromise<Void>>()

    init(on eventLoop: any EventLoop) { self.eventLoop = eventLoop }

    /// Runs `body` in its turn; the next writer's turn starts when it returns or throws.
    func withTurn<R>(_ body: () async throws -> R) async throws -> R {
        if eventLoop.inEventLoop {
            try await take().get()
        } else {
            try await eventLoop.flatSubmit { self.take() }.get()
        }
        defer {
            if eventLoop.inEventLoop { pass() } else { eventLoop.execute { self.pass() } }
        }
        return try await body()
    }

    private func take() -> EventLoopFuture<Void> {
        guard busy else {
            busy = true
            return eventLoop.makeSucceededVoidFuture()
        }
        let turn = eventLoop.makePromise(of: Void.self)
        waiting.append(turn)
        return turn.futureResult
    }

    private func pass() {
        if let next = waiting.popFirst() {
            next.succeed()
        } else {
            busy = false
        }
    }
}
