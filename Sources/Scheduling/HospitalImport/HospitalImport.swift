import Wording
import Foundation
import SQLKit
import Storage

/// Writes a hospital's definition into the database, in place by ids: what is new is added, what changed is updated,
/// what the definition no longer lists is retired (kept for the appointments and records that point at it, offered no
/// more). Everything is written in one transaction, and nothing at all when nothing changed.
public struct HospitalImport: Sendable {
    let registration: Registration

    public init(database: Database, clock: any NowProvider = SystemClock()) {
        self.registration = Registration(database: database, clock: clock)
    }

    var database: Database { registration.database }

    /// Imports `definition`. With `dryRun` only reports. A department or doctor that is gone but has appointments to
    /// come refuses the import (`HospitalImportRefused`) unless `retire`, which closes their sessions with notices.
    public func run(_ definition: HospitalDefinition, dryRun: Bool = false, retire: Bool = false) async throws -> HospitalImportReport {
        let h = definition.hospital
        let stored = try await StoredHospital.load(h.id, from: database.sql)
        let taken = definition.ids.filter { stored.elsewhere[$0] != nil }
        guard taken.isEmpty else {
            throw HospitalBundleInvalid(
                problems: taken.map {
                    .init(entry: nil, resource: nil, field: "id", message: "\($0) already belongs to hospital \(stored.elsewhere[$0]!)")
                })
        }
        let plan = ImportPlan(definition, stored: stored)
        let now = registration.clock.now()
        let booked = try await appointmentsToCome(hospitalId: h.id, after: now)
        var refused: [String: Int] = [:]
        for id in plan.retiredDepartments { if let n = booked.departments[id] { refused["department \(id)"] = n } }
        for id in plan.retiredDoctors { if let n = booked.doctors[id] { refused["doctor \(id)"] = n } }
        guard refused.isEmpty || retire else { throw HospitalImportRefused(booked: refused) }
        let closing = try await sessionsToClose(plan, hospitalId: h.id, after: now)
        let report = HospitalImportReport(
            hospitalId: h.id, changes: plan.changes, warnings: definition.warnings,
            cancelledSessions: closing.count, dryRun: dryRun)
        guard !dryRun, !plan.changes.isEmpty else { return report }
        for session in closing {
            _ = try await registration.closeSession(
                session, reason: MessageCatalog.shipped.text("close_reason_retired", "zh"), by: .admin(staffId: "hospital-import"))
        }
        let millis = Clock.millis(now)
        try await database.transaction { db in try await plan.write(definition, at: millis, on: db) }
        return report
    }

    private func appointmentsToCome(hospitalId: String, after now: Date) async throws -> (departments: [String: Int], doctors: [String: Int]) {
        var departments: [String: Int] = [:], doctors: [String: Int] = [:]
        for row in try await database.sql.raw(
            """
            SELECT a.department_id, a.doctor_id FROM appointments a JOIN departments d ON d.id = a.department_id
            WHERE d.hospital_id = \(bind: hospitalId) AND a.status IN ('booked', 'checked_in', 'called')
              AND a.ends_at >= \(bind: Clock.millis(now))
            """
        ).all() {
            departments[try row.decode(column: "department_id", as: String.self), default: 0] += 1
            doctors[try row.decode(column: "doctor_id", as: String.self), default: 0] += 1
        }
        return (departments, doctors)
    }

    /// Future open sessions of what is retired that have appointments (closed with notices before the write; the
    /// others are closed by the write itself).
    private func sessionsToClose(_ plan: ImportPlan, hospitalId: String, after now: Date) async throws -> [String] {
        guard !plan.retiredDepartments.isEmpty || !plan.retiredDoctors.isEmpty else { return [] }
        return try await database.sql.raw(
            """
            SELECT s.id, s.doctor_id, s.department_id FROM doctor_sessions s
            WHERE s.hospital_id = \(bind: hospitalId) AND s.status = 'open' AND s.ends_at >= \(bind: Clock.millis(now))
              AND EXISTS (SELECT 1 FROM appointments a WHERE a.session_id = s.id AND a.status IN ('booked', 'checked_in', 'called'))
            """
        ).all().filter {
            let doctor = try $0.decode(column: "doctor_id", as: String.self)
            let department = try $0.decode(column: "department_id", as: String.self)
            return plan.retiredDoctors.contains(doctor) || plan.retiredDepartments.contains(department)
        }.map { try $0.decode(column: "id", as: String.self) }
    }
}
