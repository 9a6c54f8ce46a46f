extension Schema {
    /// Live holds are counted per account (the limit on holds) and per patient (one at a time).
    static let holdLimits = Migration(version: 8, name: "hold_limits", statements: [
        "CREATE INDEX holds_account_active ON holds (account_id, status, expires_at)",
        "CREATE INDEX waitlist_patient_status ON waitlist (patient_id, status)",
    ])
}
