extension Schema {
    /// Staff accounts that can be disabled, login codes counted per client, and the time indexes the retention sweep
    /// deletes by (each growing table is swept by the column its retention period counts from).
    static let staffStatusAndRetention = Migration(
        version: 9, name: "staff_status_and_retention",
        statements: [
            "ALTER TABLE staff ADD COLUMN disabled_at BIGINT",
            "CREATE INDEX refresh_tokens_subject ON refresh_tokens (subject_id)",
            "ALTER TABLE otp_codes ADD COLUMN client TEXT NOT NULL DEFAULT ''",
            "CREATE INDEX otp_codes_client ON otp_codes (client, created_at)",
            "CREATE INDEX otp_codes_created ON otp_codes (created_at)",
            "CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires_at)",
            "CREATE INDEX staff_login_failures_at ON staff_login_failures (at)",
            "CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)",
            "CREATE INDEX notifications_created ON notifications (created_at)",
            "CREATE INDEX holds_created ON holds (created_at)",
            "CREATE INDEX waitlist_created ON waitlist (created_at)",
        ])
}
