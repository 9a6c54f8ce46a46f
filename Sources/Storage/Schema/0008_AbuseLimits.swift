extension Schema {
    /// Limits against abuse: live holds counted per account and patient, waitlist entries per patient, and wrong
    /// staff passwords counted per username and client (so an attacker elsewhere cannot lock a doctor out).
    static let abuseLimits = Migration(
        version: 8, name: "abuse_limits",
        statements: [
            "CREATE INDEX holds_account_active ON holds (account_id, status, expires_at)",
            "CREATE INDEX waitlist_patient_status ON waitlist (patient_id, status)",
            "ALTER TABLE staff_login_failures ADD COLUMN client TEXT NOT NULL DEFAULT ''",
            "CREATE INDEX staff_login_failures_client ON staff_login_failures (username, client, at)",
        ])
}
