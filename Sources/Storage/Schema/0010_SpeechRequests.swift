extension Schema {
    /// What each synthesis said and how, by its content key, so any instance can make audio again that another made
    /// (the audio itself stays in each instance's cache folder).
    static let speechRequests = Migration(
        version: 10, name: "speech_requests",
        statements: [
            """
            CREATE TABLE speech_requests (
                key TEXT PRIMARY KEY,
                language TEXT NOT NULL,
                voice TEXT NOT NULL,
                format TEXT NOT NULL,
                rate_percent INTEGER NOT NULL,
                pitch_percent INTEGER NOT NULL,
                text TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX speech_requests_created ON speech_requests (created_at)",
        ])
}
