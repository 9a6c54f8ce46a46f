/// Bounds how many PostgreSQL test databases are open at once. Swift Testing starts every test together, and each
/// database may hold a pool of connections; past the test server's `max_connections` the server refuses new
/// clients ("sorry, too many clients already") and an unrelated test fails.
actor PostgresTestGate {
    static let shared = PostgresTestGate(limit: 8)

    private let limit: Int
    private var open = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    /// Runs `body` once fewer than `limit` others are running. Must not be nested: a body waiting for the gate
    /// while holding it could wait forever.
    func pass<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
        await enter()
        defer { leave() }
        return try await body()
    }

    private func enter() async {
        if open < limit {
            open += 1
            return
        }
        // The place is handed over by `leave`, so `open` stays counted for the waiter.
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty {
            open -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
