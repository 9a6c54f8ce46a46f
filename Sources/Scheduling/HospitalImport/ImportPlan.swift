import SQLKit
import Storage

/// The difference between a hospital's definition and what is stored, and the statements that write it.
struct ImportPlan {
    private(set) var changes: [HospitalImportReport.Change] = []
    private var hospitalChanged = false
    private var locations: [Location] = []
    private var removedLocations: [String] = []
    private var departments: [StoredHospital.DepartmentRow] = []
    private var doctors: [StoredHospital.DoctorRow] = []
    private(set) var retiredDepartments: Set<String> = []
    private(set) var retiredDoctors: Set<String> = []

    init(_ definition: HospitalDefinition, stored: StoredHospital) {
        let h = definition.hospital
        if stored.hospital != h {
            hospitalChanged = true
            changes.append(.init(kind: "hospital", id: h.id, name: h.name, action: stored.hospital == nil ? .added : .updated))
        }
        for location in definition.locations where stored.locations[location.id] != location {
            locations.append(location)
            changes.append(
                .init(kind: "place", id: location.id, name: location.name, action: stored.locations[location.id] == nil ? .added : .updated))
        }
        let listedLocations = Set(definition.locations.map(\.id))
        for (id, location) in stored.locations.sorted(by: { $0.key < $1.key }) where !listedLocations.contains(id) {
            removedLocations.append(id)
            changes.append(.init(kind: "place", id: id, name: location.name, action: .removed))
        }
        for (order, d) in definition.departments.enumerated() {
            let row = StoredHospital.DepartmentRow(
                id: d.id, name: d.name, nameEn: d.nameEn, description: d.description, descriptionEn: d.descriptionEn,
                locationId: d.locationId, specialties: d.specialties.joined(separator: ","), sortOrder: order, retired: false)
            if stored.departments[d.id] != row {
                departments.append(row)
                changes.append(.init(kind: "department", id: d.id, name: d.name, action: stored.departments[d.id] == nil ? .added : .updated))
            }
            for (rank, doctor) in d.doctors.enumerated() {
                let row = StoredHospital.DoctorRow(doctor: doctor, sortOrder: rank, retired: false)
                guard stored.doctors[doctor.id] != row else { continue }
                doctors.append(row)
                changes.append(.init(kind: "doctor", id: doctor.id, name: doctor.name, action: stored.doctors[doctor.id] == nil ? .added : .updated))
            }
        }
        let listedDepartments = Set(definition.departments.map(\.id))
        let listedDoctors = Set(definition.departments.flatMap { $0.doctors.map(\.id) })
        for (id, d) in stored.departments.sorted(by: { $0.key < $1.key }) where !d.retired && !listedDepartments.contains(id) {
            retiredDepartments.insert(id)
            changes.append(.init(kind: "department", id: id, name: d.name, action: .retired))
        }
        for (id, d) in stored.doctors.sorted(by: { $0.key < $1.key }) where !d.retired && !listedDoctors.contains(id) {
            retiredDoctors.insert(id)
            changes.append(.init(kind: "doctor", id: id, name: d.doctor.name, action: .retired))
        }
    }

    /// Writes the plan; `now` stamps what is retired.
    func write(_ definition: HospitalDefinition, at now: Int64, on db: any SQLDatabase) async throws {
        let h = definition.hospital
        if hospitalChanged {
            try await db.raw(
                """
                INSERT INTO hospitals (id, name, name_en, time_zone, address, address_en, phone)
                VALUES (\(bind: h.id), \(bind: h.name), \(bind: h.nameEn), \(bind: h.timeZone), \(bind: h.address), \(bind: h.addressEn),
                        \(bind: h.phone))
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, time_zone = excluded.time_zone,
                  address = excluded.address, address_en = excluded.address_en, phone = excluded.phone
                """
            ).run()
        }
        for l in locations {
            try await db.raw(
                """
                INSERT INTO locations (id, hospital_id, kind, name, name_en, building, floor, zone, room)
                VALUES (\(bind: l.id), \(bind: h.id), \(bind: l.kind), \(bind: l.name), \(bind: l.nameEn), \(bind: l.building),
                        \(bind: l.floor), \(bind: l.zone), \(bind: l.room))
                ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, name_en = excluded.name_en,
                  building = excluded.building, floor = excluded.floor, zone = excluded.zone, room = excluded.room
                """
            ).run()
        }
        for d in departments {
            try await db.raw(
                """
                INSERT INTO departments (id, hospital_id, name, name_en, description, description_en, location_id, sort_order, specialties)
                VALUES (\(bind: d.id), \(bind: h.id), \(bind: d.name), \(bind: d.nameEn), \(bind: d.description), \(bind: d.descriptionEn),
                        \(bind: d.locationId), \(bind: d.sortOrder), \(bind: d.specialties))
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, description = excluded.description,
                  description_en = excluded.description_en, location_id = excluded.location_id, sort_order = excluded.sort_order,
                  specialties = excluded.specialties, retired_at = NULL
                """
            ).run()
        }
        for row in doctors {
            let doc = row.doctor
            try await db.raw(
                """
                INSERT INTO doctors (id, department_id, name, name_en, title, title_en, specialty, specialty_en, sort_order)
                VALUES (\(bind: doc.id), \(bind: doc.departmentId), \(bind: doc.name), \(bind: doc.nameEn), \(bind: doc.title),
                        \(bind: doc.titleEn), \(bind: doc.specialty), \(bind: doc.specialtyEn), \(bind: row.sortOrder))
                ON CONFLICT (id) DO UPDATE SET department_id = excluded.department_id, name = excluded.name, name_en = excluded.name_en,
                  title = excluded.title, title_en = excluded.title_en, specialty = excluded.specialty,
                  specialty_en = excluded.specialty_en, sort_order = excluded.sort_order, retired_at = NULL
                """
            ).run()
        }
        for id in retiredDepartments.sorted() {
            try await db.raw("UPDATE departments SET retired_at = \(bind: now) WHERE id = \(bind: id)").run()
            try await db.raw("UPDATE doctors SET retired_at = \(bind: now) WHERE department_id = \(bind: id) AND retired_at IS NULL").run()
        }
        for id in retiredDoctors.sorted() {
            try await db.raw("UPDATE doctors SET retired_at = \(bind: now) WHERE id = \(bind: id)").run()
        }
        // What is retired takes no more bookings: its sessions to come close (those with appointments were closed
        // before, with notices).
        for id in retiredDoctors.sorted() {
            try await db.raw(
                """
                UPDATE doctor_sessions SET status = 'closed', close_reason = 'retired' WHERE doctor_id = \(bind: id) AND status = 'open'
                  AND ends_at >= \(bind: now)
                """
            ).run()
        }
        for id in retiredDepartments.sorted() {
            try await db.raw(
                """
                UPDATE doctor_sessions SET status = 'closed', close_reason = 'retired' WHERE department_id = \(bind: id) AND status = 'open'
                  AND ends_at >= \(bind: now)
                """
            ).run()
        }
        for id in removedLocations {
            try await db.raw(
                """
                DELETE FROM locations WHERE id = \(bind: id) AND NOT EXISTS (SELECT 1 FROM departments WHERE location_id = \(bind: id))
                """
            ).run()
        }
    }
}
