extension Schema {
    /// Encounters (a consultation tied to an appointment), their transcript turns, records (drafts and signed
    /// versions), each draft's revisions with the diff from the one before, and the audit log of every read and write.
    static let records = Migration(
        version: 6, name: "records",
        statements: [
            """
            CREATE TABLE encounters (
                id TEXT PRIMARY KEY,
                appointment_id TEXT NOT NULL UNIQUE,
                account_id TEXT NOT NULL,
                patient_id TEXT NOT NULL,
                patient_name TEXT NOT NULL,
                patient_gender TEXT,
                patient_birth_date TEXT,
                doctor_id TEXT NOT NULL,
                doctor_name TEXT NOT NULL,
                department_name TEXT NOT NULL,
                starts_at BIGINT NOT NULL,
                turn_count INTEGER NOT NULL,
                opened_by TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX encounters_doctor ON encounters (doctor_id, created_at)",
            """
            CREATE TABLE encounter_turns (
                encounter_id TEXT NOT NULL REFERENCES encounters(id),
                seq INTEGER NOT NULL,
                speaker TEXT NOT NULL,
                text TEXT NOT NULL,
                start_ms BIGINT,
                end_ms BIGINT,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (encounter_id, seq)
            )
            """,
            """
            CREATE TABLE records (
                id TEXT PRIMARY KEY,
                encounter_id TEXT NOT NULL REFERENCES encounters(id),
                template TEXT NOT NULL,
                status TEXT NOT NULL,
                revision INTEGER NOT NULL,
                version INTEGER NOT NULL,
                engine TEXT NOT NULL,
                sections TEXT NOT NULL,
                transcript_turns INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                signed_by TEXT,
                signed_at BIGINT,
                content_sha256 TEXT,
                amends TEXT REFERENCES records(id),
                amendment_reason TEXT,
                superseded_by TEXT
            )
            """,
            "CREATE INDEX records_encounter ON records (encounter_id, created_at)",
            """
            CREATE TABLE record_revisions (
                record_id TEXT NOT NULL REFERENCES records(id),
                revision INTEGER NOT NULL,
                sections TEXT NOT NULL,
                diff TEXT NOT NULL,
                author TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (record_id, revision)
            )
            """,
            """
            CREATE TABLE record_audit (
                id TEXT PRIMARY KEY,
                record_id TEXT,
                encounter_id TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX record_audit_record ON record_audit (record_id, at)",
            "CREATE INDEX record_audit_encounter ON record_audit (encounter_id, at)",
        ])
}
