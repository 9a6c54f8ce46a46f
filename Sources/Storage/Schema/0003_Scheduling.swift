extension Schema {
    static let scheduling = Migration(
        version: 3, name: "scheduling",
        statements: [
            """
            CREATE TABLE doctor_sessions (
                id TEXT PRIMARY KEY,
                hospital_id TEXT NOT NULL REFERENCES hospitals (id) ON DELETE CASCADE,
                doctor_id TEXT NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
                department_id TEXT NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
                date TEXT NOT NULL,
                period TEXT NOT NULL CHECK (period IN ('morning', 'afternoon', 'evening')),
                starts_at BIGINT NOT NULL,
                ends_at BIGINT NOT NULL,
                slot_minutes INTEGER NOT NULL,
                capacity_per_slot INTEGER NOT NULL,
                fee_cents INTEGER NOT NULL,
                release_at BIGINT NOT NULL,
                status TEXT NOT NULL DEFAULT 'open',
                close_reason TEXT,
                last_queue_number INTEGER NOT NULL DEFAULT 0,
                now_calling INTEGER,
                created_at BIGINT NOT NULL,
                UNIQUE (doctor_id, date, period)
            )
            """,
            "CREATE INDEX doctor_sessions_department_date ON doctor_sessions (department_id, date)",
            """
            CREATE TABLE slots (
                id TEXT PRIMARY KEY,
                session_id TEXT NOT NULL REFERENCES doctor_sessions (id) ON DELETE CASCADE,
                doctor_id TEXT NOT NULL,
                department_id TEXT NOT NULL,
                date TEXT NOT NULL,
                period TEXT NOT NULL,
                starts_at BIGINT NOT NULL,
                ends_at BIGINT NOT NULL,
                capacity INTEGER NOT NULL,
                booked INTEGER NOT NULL DEFAULT 0,
                CHECK (booked >= 0 AND booked <= capacity)
            )
            """,
            "CREATE INDEX slots_department_date ON slots (department_id, date, starts_at)",
            "CREATE INDEX slots_doctor_date ON slots (doctor_id, date, starts_at)",
            "CREATE INDEX slots_session ON slots (session_id, starts_at)",
            """
            CREATE TABLE holds (
                id TEXT PRIMARY KEY,
                slot_id TEXT NOT NULL REFERENCES slots (id) ON DELETE CASCADE,
                patient_id TEXT NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
                account_id TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'active',
                expires_at BIGINT NOT NULL,
                waitlist_id TEXT,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX holds_slot_active ON holds (slot_id, status, expires_at)",
            """
            CREATE TABLE appointments (
                id TEXT PRIMARY KEY,
                slot_id TEXT NOT NULL REFERENCES slots (id),
                session_id TEXT NOT NULL REFERENCES doctor_sessions (id),
                patient_id TEXT NOT NULL REFERENCES patients (id),
                account_id TEXT NOT NULL,
                doctor_id TEXT NOT NULL,
                department_id TEXT NOT NULL,
                date TEXT NOT NULL,
                starts_at BIGINT NOT NULL,
                ends_at BIGINT NOT NULL,
                status TEXT NOT NULL,
                reason TEXT,
                queue_number INTEGER,
                late INTEGER NOT NULL DEFAULT 0,
                checked_in_at BIGINT,
                cancel_reason TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE UNIQUE INDEX appointments_one_per_department_day ON appointments (patient_id, department_id, date)
            WHERE status IN ('booked', 'checked_in', 'called')
            """,
            "CREATE INDEX appointments_account ON appointments (account_id, starts_at)",
            "CREATE INDEX appointments_patient ON appointments (patient_id, starts_at)",
            "CREATE INDEX appointments_session ON appointments (session_id, status)",
            """
            CREATE TABLE appointment_history (
                id TEXT PRIMARY KEY,
                appointment_id TEXT NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                from_status TEXT,
                to_status TEXT NOT NULL,
                note TEXT
            )
            """,
            "CREATE UNIQUE INDEX appointment_history_order ON appointment_history (appointment_id, seq)",
            """
            CREATE TABLE waitlist (
                id TEXT PRIMARY KEY,
                patient_id TEXT NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
                account_id TEXT NOT NULL,
                doctor_id TEXT,
                department_id TEXT NOT NULL,
                date TEXT NOT NULL,
                period TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'waiting',
                hold_id TEXT,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX waitlist_lookup ON waitlist (department_id, date, period, status, created_at)",
            """
            CREATE TABLE notifications (
                id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                patient_id TEXT,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                appointment_id TEXT,
                hold_id TEXT,
                dedupe_key TEXT UNIQUE,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX notifications_account ON notifications (account_id, created_at)",
            """
            CREATE TABLE idempotency_keys (
                owner TEXT NOT NULL,
                key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                status INTEGER,
                content_type TEXT,
                body TEXT,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (owner, key)
            )
            """,
        ])
}
