extension Schema {
    /// Reads of health data outside the records (whose `record_audit` logs reads and writes): a conversation read back,
    /// an account exported. Whose data (`account_id`, `patient_id`), who read it, what, when; never the data itself.
    static let accessLog = Migration(
        version: 15, name: "access_log",
        statements: [
            """
            CREATE TABLE access_log (
                id TEXT PRIMARY KEY,
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                account_id TEXT,
                patient_id TEXT,
                subject_kind TEXT NOT NULL,
                subject_id TEXT NOT NULL
            )
            """,
            "CREATE INDEX access_log_at ON access_log (at)",
            "CREATE INDEX access_log_account ON access_log (account_id, at)",
            "CREATE INDEX record_audit_at ON record_audit (at)",
        ])
}
