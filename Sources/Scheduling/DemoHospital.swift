import Foundation
import SQLKit
import Storage

/// The demo hospital shipped with Companion (`DemoHospital/demo-hospital.json`): a tertiary hospital in
/// Asia/Shanghai with 27 departments, their doctors, and the service locations a patient walks between.
public enum DemoHospital {
    struct Fixture: Decodable {
        struct DepartmentEntry: Decodable {
            let id, name, nameEn, description, descriptionEn, locationId: String
            /// The clinical knowledge's specialties this department covers.
            let specialties: [String]
            let doctors: [DoctorEntry]
        }
        struct DoctorEntry: Decodable {
            let id, name, nameEn, title, titleEn, specialty, specialtyEn: String
        }
        let hospital: Hospital
        let locations: [Location]
        let departments: [DepartmentEntry]
    }

    public static let hospitalId = "hosp_demo"

    static func load() throws -> Fixture {
        guard let url = Bundle.module.url(forResource: "demo-hospital", withExtension: "json", subdirectory: "DemoHospital") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// Writes the demo hospital into the database, replacing an earlier copy of it; returns false when it was
    /// already there unchanged in size (seeding twice is harmless).
    @discardableResult
    public static func seed(into database: Database) async throws -> Bool {
        let fixture = try load()
        let present = try await database.sql.raw("SELECT COUNT(*) AS n FROM departments WHERE hospital_id = \(bind: fixture.hospital.id)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        guard present != fixture.departments.count else { return try await fillSpecialties(fixture, into: database) }
        try await database.transaction { db in
            let h = fixture.hospital
            try await db.raw("DELETE FROM hospitals WHERE id = \(bind: h.id)").run()
            try await db.raw("""
                INSERT INTO hospitals (id, name, name_en, time_zone, address, address_en, phone)
                VALUES (\(bind: h.id), \(bind: h.name), \(bind: h.nameEn), \(bind: h.timeZone), \(bind: h.address),
                        \(bind: h.addressEn), \(bind: h.phone))
                """).run()
            for l in fixture.locations {
                try await db.raw("""
                    INSERT INTO locations (id, hospital_id, kind, name, name_en, building, floor, zone, room)
                    VALUES (\(bind: l.id), \(bind: h.id), \(bind: l.kind), \(bind: l.name), \(bind: l.nameEn),
                            \(bind: l.building), \(bind: l.floor), \(bind: l.zone), \(bind: l.room))
                    """).run()
            }
            for (order, d) in fixture.departments.enumerated() {
                try await db.raw("""
                    INSERT INTO departments (id, hospital_id, name, name_en, description, description_en, location_id, sort_order, specialties)
                    VALUES (\(bind: d.id), \(bind: h.id), \(bind: d.name), \(bind: d.nameEn), \(bind: d.description),
                            \(bind: d.descriptionEn), \(bind: d.locationId), \(bind: order), \(bind: d.specialties.joined(separator: ",")))
                    """).run()
                for (rank, doc) in d.doctors.enumerated() {
                    try await db.raw("""
                        INSERT INTO doctors (id, department_id, name, name_en, title, title_en, specialty, specialty_en, sort_order)
                        VALUES (\(bind: doc.id), \(bind: d.id), \(bind: doc.name), \(bind: doc.nameEn), \(bind: doc.title),
                                \(bind: doc.titleEn), \(bind: doc.specialty), \(bind: doc.specialtyEn), \(bind: rank))
                        """).run()
                }
            }
        }
        return true
    }

    /// A database seeded before departments had specialties gets them, in place (nothing booked is touched).
    private static func fillSpecialties(_ fixture: Fixture, into database: Database) async throws -> Bool {
        let empty = try await database.sql.raw(
            "SELECT COUNT(*) AS n FROM departments WHERE hospital_id = \(bind: fixture.hospital.id) AND specialties = ''"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
        guard empty > 0 else { return false }
        try await database.transaction { db in
            for d in fixture.departments {
                try await db.raw("UPDATE departments SET specialties = \(bind: d.specialties.joined(separator: ",")) WHERE id = \(bind: d.id)").run()
            }
        }
        return true
    }
}

extension DemoHospital {
    /// The demo hospital's department for each specialty, from its file (for evaluations that need no database).
    public static func departmentsBySpecialty() throws -> [String: String] {
        var map: [String: String] = [:]
        for department in try load().departments {
            for specialty in department.specialties where map[specialty] == nil { map[specialty] = department.id }
        }
        return map
    }
}
