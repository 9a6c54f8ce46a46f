extension Schema {
    /// Each hospital's settings beside its directory (its weekly clinic schedule …), one JSON document.
    static let hospitalSettings = Migration(
        version: 17, name: "hospital_settings",
        statements: [
            """
            CREATE TABLE hospital_settings (
                hospital_id TEXT PRIMARY KEY REFERENCES hospitals (id) ON DELETE CASCADE,
                settings TEXT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """
        ])
}
