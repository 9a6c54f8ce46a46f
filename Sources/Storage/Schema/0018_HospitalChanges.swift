extension Schema {
    /// Every change to a hospital's directory or settings: who (`admin:<staff>` or `cli`), what, when, and a short
    /// summary of what changed (counts and ids; never patients' data).
    static let hospitalChanges = Migration(
        version: 18, name: "hospital_changes",
        statements: [
            """
            CREATE TABLE hospital_changes (
                id TEXT PRIMARY KEY,
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                hospital_id TEXT NOT NULL,
                summary TEXT NOT NULL
            )
            """,
            "CREATE INDEX hospital_changes_at ON hospital_changes (hospital_id, at)",
        ])
}
