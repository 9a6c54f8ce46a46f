extension Schema {
    static let directory = Migration(
        version: 2, name: "directory",
        statements: [
            """
            CREATE TABLE hospitals (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                name_en TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                address TEXT NOT NULL,
                address_en TEXT NOT NULL,
                phone TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE locations (
                id TEXT PRIMARY KEY,
                hospital_id TEXT NOT NULL REFERENCES hospitals (id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                name_en TEXT NOT NULL,
                building TEXT NOT NULL,
                floor TEXT NOT NULL,
                zone TEXT NOT NULL,
                room TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE departments (
                id TEXT PRIMARY KEY,
                hospital_id TEXT NOT NULL REFERENCES hospitals (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                name_en TEXT NOT NULL,
                description TEXT NOT NULL,
                description_en TEXT NOT NULL,
                location_id TEXT NOT NULL REFERENCES locations (id),
                sort_order INTEGER NOT NULL
            )
            """,
            "CREATE INDEX departments_hospital ON departments (hospital_id, sort_order)",
            """
            CREATE TABLE doctors (
                id TEXT PRIMARY KEY,
                department_id TEXT NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                name_en TEXT NOT NULL,
                title TEXT NOT NULL,
                title_en TEXT NOT NULL,
                specialty TEXT NOT NULL,
                specialty_en TEXT NOT NULL,
                sort_order INTEGER NOT NULL
            )
            """,
            "CREATE INDEX doctors_department ON doctors (department_id, sort_order)",
        ])
}
