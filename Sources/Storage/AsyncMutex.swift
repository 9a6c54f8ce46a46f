import NIOCore

/// A first-come-first-served lock for async code. SQLite admits one writer at a time; queueing writers here,
/// in the process, is fairer and much faster than letting them spin in SQLite's busy handler.
actor AsyncMutex {
    private let eventLoop: any EventLoop
    private var locked = false

    /// - Parameter eventLoop: where the lock's bookkeeping runs; the writer's loop keeps it next to the writer.
    init(on eventLoop: any EventLoop) { self.eventLoop = eventLoop }

    nonisolated var unownedExecutor: UnownedSerialExecutor { eventLoop.executor.asUnownedSerialExecutor() }

    private var waiters: [CheckedContinuation<Void, Never>] = []

    func lock() async {
        if !locked {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func unlock() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Runs `body` while holding the lock.
    nonisolated func withLock<R: Sendable>(_ body: () async throws -> R) async rethrows -> R {
        await lock()
        do {
            let result = try await body()
            await unlock()
            return result
        } catch {
            await unlock()
            throw error
        }
    }
}
