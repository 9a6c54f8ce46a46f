extension Schema {
    /// Requests counted per scope, subject and minute, shared by every instance (`RateLimiter`).
    static let rateCounters = Migration(
        version: 11, name: "rate_counters",
        statements: [
            """
            CREATE TABLE rate_counters (
                scope TEXT NOT NULL,
                subject TEXT NOT NULL,
                window_start BIGINT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (scope, subject, window_start)
            )
            """,
            "CREATE INDEX rate_counters_window ON rate_counters (window_start)",
        ])
}
