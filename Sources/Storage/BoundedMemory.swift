import NIOConcurrencyHelpers

/// What an instance keeps in memory of things it can always look up again: at most `limit` entries, all dropped
/// at once when it is full (each is one lookup away from coming back), behind a lock.
public final class BoundedMemory<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let entries = NIOLockedValueBox<[Key: Value]>([:])
    private let limit: Int

    public init(limit: Int = 10_000) { self.limit = limit }

    public subscript(key: Key) -> Value? { entries.withLockedValue { $0[key] } }

    public func remember(_ value: Value, for key: Key) {
        entries.withLockedValue { entries in
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
    }

    public func forget(_ key: Key) {
        entries.withLockedValue { _ = $0.removeValue(forKey: key) }
    }
}
