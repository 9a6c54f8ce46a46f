extension Schema {
    /// Conversations and their turns. `version` makes a turn's update conditional, so two devices sending at once
    /// cannot overwrite each other's state.
    static let conversations = Migration(
        version: 5, name: "conversations",
        statements: [
            """
            CREATE TABLE conversations (
                id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts(id),
                patient_id TEXT,
                state TEXT NOT NULL,
                version INTEGER NOT NULL,
                turn_count INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX conversations_account ON conversations (account_id, updated_at)",
            """
            CREATE TABLE conversation_turns (
                conversation_id TEXT NOT NULL REFERENCES conversations(id),
                seq INTEGER NOT NULL,
                role TEXT NOT NULL,
                text TEXT NOT NULL,
                reply TEXT,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (conversation_id, seq)
            )
            """,
        ])
}
