extension Schema {
    /// A department or doctor a hospital's import no longer lists is retired, not deleted: past appointments and
    /// records keep pointing at it, but it is offered no more.
    static let retiredDirectory = Migration(
        version: 16, name: "retired_directory",
        statements: [
            "ALTER TABLE departments ADD COLUMN retired_at BIGINT",
            "ALTER TABLE doctors ADD COLUMN retired_at BIGINT",
        ])
}
