import Storage

/// Requests per account per minute for the routes that cost the most CPU: conversation turns (each may be spoken
/// too) and speech synthesis. Counted in the shared database (`RateLimiter`), so they hold across instances.
public struct RequestLimits: Sendable, Equatable {
    public var turns: RateLimiter.Limit
    public var speech: RateLimiter.Limit

    public init(turnsPerMinute: Int = 20, speechPerMinute: Int = 30) {
        turns = RateLimiter.Limit(scope: "turns", perWindow: turnsPerMinute)
        speech = RateLimiter.Limit(scope: "speech", perWindow: speechPerMinute)
    }
}

extension Services {
    /// Counts one request of `subject` against `limit`, or refuses it with 429 `<scope>_limited` and `Retry-After`.
    func admit(_ subject: String, under limit: RateLimiter.Limit) async throws {
        guard let retryAfter = try await limiter.admit(subject, under: limit) else { return }
        throw Problem(
            status: 429, code: "\(limit.scope)_limited", title: "Too many requests",
            detail: "At most \(limit.perWindow) per minute; try again in \(retryAfter) s.", retryAfter: retryAfter)
    }
}
