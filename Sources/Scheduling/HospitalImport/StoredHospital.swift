import SQLKit
import Storage

/// A hospital's directory as the database holds it, read to compare with a bundle.
struct StoredHospital {
    struct DepartmentRow: Equatable {
        let id, name, nameEn, description, descriptionEn, locationId, specialties: String
        let sortOrder: Int
        var retired: Bool
    }

    struct DoctorRow: Equatable {
        let doctor: Doctor
        let sortOrder: Int
        var retired: Bool
    }

    var hospital: Hospital?
    var locations: [String: Location] = [:]
    var departments: [String: DepartmentRow] = [:]
    var doctors: [String: DoctorRow] = [:]
    /// Ids held by other hospitals, with the hospital that holds each.
    var elsewhere: [String: String] = [:]

    static func load(_ hospitalId: String, from sql: any SQLDatabase) async throws -> StoredHospital {
        var stored = StoredHospital()
        stored.hospital = try await sql.raw("SELECT * FROM hospitals WHERE id = \(bind: hospitalId)").first().map(Directory.hospital(from:))
        for row in try await sql.raw(
            """
            SELECT id AS l_id, kind AS l_kind, name AS l_name, name_en AS l_name_en, building AS l_building, floor AS l_floor,
                   zone AS l_zone, room AS l_room FROM locations WHERE hospital_id = \(bind: hospitalId)
            """
        ).all() {
            let location = try Directory.location(from: row)
            stored.locations[location.id] = location
        }
        for row in try await sql.raw(
            """
            SELECT id, name, name_en, description, description_en, location_id, specialties, sort_order, retired_at
            FROM departments WHERE hospital_id = \(bind: hospitalId)
            """
        ).all() {
            let department = DepartmentRow(
                id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
                nameEn: try row.decode(column: "name_en", as: String.self), description: try row.decode(column: "description", as: String.self),
                descriptionEn: try row.decode(column: "description_en", as: String.self),
                locationId: try row.decode(column: "location_id", as: String.self),
                specialties: try row.decode(column: "specialties", as: String.self), sortOrder: try row.decode(column: "sort_order", as: Int.self),
                retired: try row.decode(column: "retired_at", as: Int64?.self) != nil)
            stored.departments[department.id] = department
        }
        for row in try await sql.raw(
            """
            SELECT doc.id, doc.department_id, doc.name, doc.name_en, doc.title, doc.title_en, doc.specialty, doc.specialty_en,
                   doc.sort_order, doc.retired_at
            FROM doctors doc JOIN departments d ON d.id = doc.department_id WHERE d.hospital_id = \(bind: hospitalId)
            """
        ).all() {
            let doctor = DoctorRow(
                doctor: try Directory.doctor(from: row), sortOrder: try row.decode(column: "sort_order", as: Int.self),
                retired: try row.decode(column: "retired_at", as: Int64?.self) != nil)
            stored.doctors[doctor.doctor.id] = doctor
        }
        for row in try await sql.raw(
            """
            SELECT id, hospital_id FROM locations WHERE hospital_id <> \(bind: hospitalId)
            UNION ALL SELECT id, hospital_id FROM departments WHERE hospital_id <> \(bind: hospitalId)
            UNION ALL SELECT doc.id, d.hospital_id FROM doctors doc JOIN departments d ON d.id = doc.department_id
              WHERE d.hospital_id <> \(bind: hospitalId)
            """
        ).all() {
            stored.elsewhere[try row.decode(column: "id", as: String.self)] = try row.decode(column: "hospital_id", as: String.self)
        }
        return stored
    }
}
