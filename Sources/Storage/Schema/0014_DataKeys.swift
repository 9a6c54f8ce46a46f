extension Schema {
    /// The data keys that seal health text (`KeyRing`), each wrapped by the master key, which is never stored here.
    /// A key seals from `active_from` until a later key of its purpose becomes active; every key still opens what it
    /// sealed. A rotation adds keys active a little later, so every instance knows them before anything uses them.
    static let dataKeys = Migration(
        version: 14, name: "data_keys",
        statements: [
            """
            CREATE TABLE data_keys (
                id TEXT PRIMARY KEY,
                purpose TEXT NOT NULL,
                master_key_id TEXT NOT NULL,
                wrapped TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                active_from BIGINT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX data_keys_activation ON data_keys (purpose, active_from)",
        ])
}
