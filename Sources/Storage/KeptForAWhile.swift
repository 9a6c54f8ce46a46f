import Foundation

/// A value read from the database and kept for a short while, for what changes rarely but is read on nearly every
/// request (the directory, each hospital's terms and wording). Each instance refreshes its own copy after
/// `lifetime`, so other instances see a change within it; `forget()` makes this one see it at once.
public final class KeptForAWhile<Value: Sendable>: @unchecked Sendable {
    // The lock guards `kept`, the only mutable state.
    private let lock = NSLock()
    private var kept: (value: Value, at: Date)?
    public let lifetime: TimeInterval

    public init(lifetime: TimeInterval = 30) { self.lifetime = lifetime }

    /// Drops the kept copy: the next read loads afresh.
    public func forget() { lock.withLock { kept = nil } }

    /// The kept value, or a fresh load when there is none or it is too old.
    public func value(load: () async throws -> Value) async throws -> Value {
        if let kept = lock.withLock({ kept }), Date().timeIntervalSince(kept.at) < lifetime { return kept.value }
        let fresh = try await load()
        lock.withLock { kept = (fresh, Date()) }
        return fresh
    }
}
