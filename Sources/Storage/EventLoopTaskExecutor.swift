import NIOCore

/// Runs a task's code on one event loop. SQLite transactions prefer it, so that each statement's result resumes
/// the transaction right on the loop that received it, instead of waiting its turn in the shared cooperative pool
/// behind every other request: a writer that holds the database lock must not queue.
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    // Immutable after init; EventLoop is thread-safe.
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) { self.eventLoop = eventLoop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
