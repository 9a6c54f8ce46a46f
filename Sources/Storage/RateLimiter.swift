import Foundation
import SQLKit

/// Requests counted per subject in fixed windows, in the shared database, so the limit holds across instances: each
/// admission is one atomic upsert that returns the window's count.
public struct RateLimiter: Sendable {
    /// What is limited, how many per window, and how long a window is.
    public struct Limit: Sendable, Equatable {
        public let scope: String
        public let perWindow: Int
        public let window: TimeInterval

        public init(scope: String, perWindow: Int, window: TimeInterval = 60) {
            self.scope = scope
            self.perWindow = perWindow
            self.window = window
        }
    }

    let database: Database
    let clock: any NowProvider

    public init(database: Database, clock: any NowProvider) {
        self.database = database
        self.clock = clock
    }

    /// Counts one request of `subject`; nil when it is within the limit, else the seconds until the window ends.
    public func admit(_ subject: String, under limit: Limit) async throws -> Int? {
        let now = clock.now()
        return try await database.transaction { db in try await Self.admit(subject, under: limit, now: now, on: db) }
    }

    /// Counts one request of `subject` inside a transaction already open, so the count commits or rolls back with
    /// what it limits; nil when it is within the limit, else the seconds until the window ends.
    public static func admit(_ subject: String, under limit: Limit, now: Date, on db: any SQLDatabase) async throws -> Int? {
        let windowMillis = Int64(limit.window * 1000)
        let start = Clock.millis(now) / windowMillis * windowMillis
        let count =
            try await db.raw(
                """
                INSERT INTO rate_counters (scope, subject, window_start, count) VALUES (\(bind: limit.scope), \(bind: subject), \(bind: start), 1)
                ON CONFLICT (scope, subject, window_start) DO UPDATE SET count = rate_counters.count + 1
                RETURNING count
                """
            ).first()?.decode(column: "count", as: Int.self) ?? 1
        guard count > limit.perWindow else { return nil }
        return Clock.secondsUntil(Clock.date(millis: start + windowMillis), from: now)
    }
}
