extension Schema {
    /// The specialties (the clinical knowledge's ids, e.g. `cardiology`) each department covers, comma-separated:
    /// triage picks a specialty and the hospital's department for it.
    static let departmentSpecialties = Migration(
        version: 7, name: "department_specialties",
        statements: [
            "ALTER TABLE departments ADD COLUMN specialties TEXT NOT NULL DEFAULT ''"
        ])
}
