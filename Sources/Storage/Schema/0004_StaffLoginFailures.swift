extension Schema {
    static let staffLoginFailures = Migration(
        version: 4, name: "staff_login_failures",
        statements: [
            """
            CREATE TABLE staff_login_failures (
                id TEXT PRIMARY KEY,
                username TEXT NOT NULL,
                at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX staff_login_failures_username ON staff_login_failures (username, at)",
        ])
}
