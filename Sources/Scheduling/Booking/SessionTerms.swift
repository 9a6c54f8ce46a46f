import Foundation

/// What a session was opened with and never changes afterwards: its period and its fee. Presenting an appointment
/// needs both; they are kept here once known, so a booking's answer does not read the session again.
public struct SessionTerms: Sendable, Equatable {
    public let period: Period
    public let feeCents: Int
}

/// Session terms by session id, at most `limit` of them (emptied when full: they are cheap to read again).
final class SessionTermsCache: @unchecked Sendable {
    // The lock guards `terms`, the only mutable state.
    private let lock = NSLock()
    private var terms: [String: SessionTerms] = [:]
    private let limit: Int

    init(limit: Int = 10_000) { self.limit = limit }

    func terms(of sessionId: String, load: () async throws -> SessionTerms) async throws -> SessionTerms {
        if let known = lock.withLock({ terms[sessionId] }) { return known }
        let loaded = try await load()
        remember(loaded, for: sessionId)
        return loaded
    }

    func remember(_ known: SessionTerms, for sessionId: String) {
        lock.withLock {
            if terms.count >= limit { terms.removeAll(keepingCapacity: true) }
            terms[sessionId] = known
        }
    }
}
