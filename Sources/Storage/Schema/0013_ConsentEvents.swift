extension Schema {
    /// The consent ledger: one row per decision, never updated (`ConsentLedger`). `patient_id` is '' for the account
    /// holder's own decision; `seq` orders an account's decisions, however close in time.
    static let consentEvents = Migration(
        version: 13, name: "consent_events",
        statements: [
            """
            CREATE TABLE consent_events (
                id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                patient_id TEXT NOT NULL,
                purpose TEXT NOT NULL,
                granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
                text_version TEXT NOT NULL,
                grantor TEXT NOT NULL CHECK (grantor IN ('patient', 'guardian', 'representative')),
                at BIGINT NOT NULL,
                UNIQUE (account_id, seq)
            )
            """
        ])
}
