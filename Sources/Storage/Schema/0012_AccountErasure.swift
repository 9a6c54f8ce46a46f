extension Schema {
    /// Who each synthesis was spoken for, so deleting an account deletes what was said to it (and its audio, once no
    /// one else asked for the same words), and the account indexes that deletion and the account's export read by.
    static let accountErasure = Migration(
        version: 12, name: "account_erasure",
        statements: [
            """
            CREATE TABLE speech_owners (
                subject TEXT NOT NULL,
                key TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (subject, key)
            )
            """,
            "CREATE INDEX speech_owners_key ON speech_owners (key)",
            "CREATE INDEX speech_owners_created ON speech_owners (created_at)",
            "CREATE INDEX holds_account ON holds (account_id, status)",
            "CREATE INDEX waitlist_account ON waitlist (account_id)",
            "CREATE INDEX encounters_account ON encounters (account_id)",
        ])
}
