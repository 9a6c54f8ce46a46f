import Foundation

/// The directory read once and kept for a short while: departments and doctors change only when a hospital is
/// (re)imported, but are read on nearly every request. Each instance refreshes its own copy after `lifetime`.
final class DirectorySnapshot: @unchecked Sendable {
    struct Contents: Sendable {
        let departments: [Department]
        let doctors: [Doctor]
        /// Departments and doctors a hospital's import no longer lists.
        let retired: Set<String>
        let loadedAt: Date
    }

    // The lock guards `contents`, the only mutable state.
    private let lock = NSLock()
    private var contents: Contents?
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 30) { self.lifetime = lifetime }

    /// Drops the kept copy: the next read loads afresh.
    func forget() { lock.withLock { contents = nil } }

    /// The cached contents, or a fresh load when there are none or they are too old.
    func current(load: () async throws -> Contents) async throws -> Contents {
        if let cached = lock.withLock({ contents }), Date().timeIntervalSince(cached.loadedAt) < lifetime { return cached }
        let fresh = try await load()
        lock.withLock { contents = fresh }
        return fresh
    }
}
