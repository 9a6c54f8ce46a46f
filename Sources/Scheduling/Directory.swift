import Foundation
import SQLKit
import Storage

/// Read access to hospitals, their departments, doctors and service locations.
public struct Directory: Sendable {
    let database: Database
    private let snapshot = KeptForAWhile<DirectorySnapshot>()

    public init(database: Database) { self.database = database }

    /// Drops this instance's kept copy of departments and doctors (after an import in this process), so the next read
    /// sees the change at once instead of within the snapshot's lifetime.
    public func forgetSnapshot() { snapshot.forget() }

    // Columns by name, not d.*: an SQLite reader opened before a migration expands * from its old schema.
    private func contents() async throws -> DirectorySnapshot {
        try await snapshot.value {
            let departments = try await database.sql.raw(
                """
                SELECT d.id, d.hospital_id, d.name, d.name_en, d.description, d.description_en, d.specialties, d.retired_at,
                       \(unsafeRaw: Self.locationColumns) FROM departments d JOIN locations l ON l.id = d.location_id
                ORDER BY d.hospital_id, d.sort_order
                """
            ).all()
            let doctors = try await database.sql.raw(
                """
                SELECT id, department_id, name, name_en, title, title_en, specialty, specialty_en, retired_at FROM doctors
                ORDER BY department_id, sort_order
                """
            ).all()
            return .init(
                departments: try departments.map(Self.department(from:)), doctors: try doctors.map(Self.doctor(from:)),
                retired: Set(
                    try (departments + doctors).filter { try $0.decode(column: "retired_at", as: Int64?.self) != nil }
                        .map { try $0.decode(column: "id", as: String.self) }))
        }
    }

    public func hospitals() async throws -> [Hospital] {
        try await database.sql.raw("SELECT * FROM hospitals ORDER BY id").all().map(Self.hospital(from:))
    }

    public func hospital(id: String) async throws -> Hospital {
        guard let row = try await database.sql.raw("SELECT * FROM hospitals WHERE id = \(bind: id)").first() else {
            throw NotFound("hospital")
        }
        return try Self.hospital(from: row)
    }

    /// Departments in the hospital's display order; all hospitals' when `hospitalId` is nil. Retired ones (gone
    /// from the hospital's import) are left out, though `department(id:)` still finds them for what points at them.
    public func departments(hospitalId: String? = nil) async throws -> [Department] {
        let contents = try await contents()
        return contents.departments.filter { !contents.retired.contains($0.id) && (hospitalId == nil || $0.hospitalId == hospitalId) }
    }

    public func department(id: String) async throws -> Department {
        guard let department = try await contents().departments.first(where: { $0.id == id }) else { throw NotFound("department") }
        return department
    }

    /// Doctors of a department, most senior first; every doctor when `departmentId` is nil. Retired ones are left out.
    public func doctors(departmentId: String? = nil) async throws -> [Doctor] {
        let contents = try await contents()
        return contents.doctors.filter { !contents.retired.contains($0.id) && (departmentId == nil || $0.departmentId == departmentId) }
    }

    public func doctor(id: String) async throws -> Doctor {
        guard let doctor = try await contents().doctors.first(where: { $0.id == id }) else { throw NotFound("doctor") }
        return doctor
    }

    /// Service locations (registration, payment, laboratory, radiology, ultrasound, pharmacy, emergency…).
    public func locations(hospitalId: String) async throws -> [Location] {
        try await database.sql.raw(
            """
            SELECT id AS l_id, kind AS l_kind, name AS l_name, name_en AS l_name_en, building AS l_building,
                   floor AS l_floor, zone AS l_zone, room AS l_room
            FROM locations WHERE hospital_id = \(bind: hospitalId) ORDER BY kind, id
            """
        ).all().map(Self.location(from:))
    }

    static let locationColumns = """
        l.id AS l_id, l.kind AS l_kind, l.name AS l_name, l.name_en AS l_name_en, l.building AS l_building, \
        l.floor AS l_floor, l.zone AS l_zone, l.room AS l_room
        """

    static func hospital(from row: any SQLRow) throws -> Hospital {
        Hospital(
            id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
            nameEn: try row.decode(column: "name_en", as: String.self), timeZone: try row.decode(column: "time_zone", as: String.self),
            address: try row.decode(column: "address", as: String.self), addressEn: try row.decode(column: "address_en", as: String.self),
            phone: try row.decode(column: "phone", as: String.self)
        )
    }

    static func location(from row: any SQLRow) throws -> Location {
        Location(
            kind: try row.decode(column: "l_kind", as: String.self), id: try row.decode(column: "l_id", as: String.self),
            name: try row.decode(column: "l_name", as: String.self), nameEn: try row.decode(column: "l_name_en", as: String.self),
            building: try row.decode(column: "l_building", as: String.self), floor: try row.decode(column: "l_floor", as: String.self),
            zone: try row.decode(column: "l_zone", as: String.self), room: try row.decode(column: "l_room", as: String.self)
        )
    }

    static func department(from row: any SQLRow) throws -> Department {
        Department(
            id: try row.decode(column: "id", as: String.self), hospitalId: try row.decode(column: "hospital_id", as: String.self),
            name: try row.decode(column: "name", as: String.self), nameEn: try row.decode(column: "name_en", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            descriptionEn: try row.decode(column: "description_en", as: String.self),
            location: try location(from: row),
            specialties: try row.decode(column: "specialties", as: String.self).split(separator: ",").map(String.init)
        )
    }

    static func doctor(from row: any SQLRow) throws -> Doctor {
        Doctor(
            id: try row.decode(column: "id", as: String.self), departmentId: try row.decode(column: "department_id", as: String.self),
            name: try row.decode(column: "name", as: String.self), nameEn: try row.decode(column: "name_en", as: String.self),
            title: try row.decode(column: "title", as: String.self), titleEn: try row.decode(column: "title_en", as: String.self),
            specialty: try row.decode(column: "specialty", as: String.self),
            specialtyEn: try row.decode(column: "specialty_en", as: String.self)
        )
    }
}
