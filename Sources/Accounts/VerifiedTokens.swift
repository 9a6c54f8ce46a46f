import Foundation

/// Access tokens whose signature this instance has checked, with the principal they name, until they expire. An
/// app sends the same token with every request of its 15 minutes, and checking it (base64, HMAC, two JSON
/// documents) cost more than many a handler. Kept by the whole token, signature included: only the very token that
/// was verified is found, and access tokens are not revocable before they expire, so nothing goes stale.
final class VerifiedTokens: @unchecked Sendable {
    // The lock guards `entries`, the only mutable state.
    private let lock = NSLock()
    private var entries: [String: (principal: Principal, expires: Date)] = [:]
    private let limit: Int

    init(limit: Int = 10_000) { self.limit = limit }

    /// The principal of a token verified before, if it has not expired at `now`.
    func principal(of token: String, at now: Date) -> Principal? {
        lock.withLock {
            guard let entry = entries[token], now < entry.expires else { return nil }
            return entry.principal
        }
    }

    func remember(_ token: String, as principal: Principal, until expires: Date) {
        lock.withLock {
            // Emptied when full: every entry is a signature check away from coming back.
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[token] = (principal, expires)
        }
    }
}
