import Foundation
import SQLKit
import Storage

/// What holds for a hospital's slots: its registration rules (the server's, changed by its settings) and its
/// calendar (its time zone).
public struct HospitalTerms: Sendable {
    public let rules: SchedulingRules
    public let calendar: HospitalCalendar
}

/// Each department's and hospital's terms, read together and kept for a short while, like the directory; a hospital's
/// new settings hold within 30 s.
struct HospitalTermsBook: Sendable {
    private struct Contents: Sendable {
        let byDepartment: [String: HospitalTerms]
        let byHospital: [String: HospitalTerms]
    }

    let server: HospitalTerms
    private let kept = KeptForAWhile<Contents>()

    init(server: HospitalTerms) { self.server = server }

    /// Drops the kept terms: the next read loads afresh.
    func forget() { kept.forget() }

    /// The terms for a department's slots (the server's for a department it does not know), read on `db` (which may
    /// be inside a transaction) when the kept copy is missing or old.
    func terms(forDepartment departmentId: String, on db: any SQLDatabase) async throws -> HospitalTerms {
        try await kept.value { try await load(on: db) }.byDepartment[departmentId] ?? server
    }

    /// A hospital's terms (the server's for a hospital it does not know).
    func terms(forHospital hospitalId: String, on db: any SQLDatabase) async throws -> HospitalTerms {
        try await kept.value { try await load(on: db) }.byHospital[hospitalId] ?? server
    }

    private func load(on db: any SQLDatabase) async throws -> Contents {
        var byHospital: [String: HospitalTerms] = [:]
        let hospitals = try await db.raw(
            "SELECT h.id, h.time_zone, s.settings FROM hospitals h LEFT JOIN hospital_settings s ON s.hospital_id = h.id"
        ).all()
        for row in hospitals {
            let zone = try row.decode(column: "time_zone", as: String.self)
            let calendar = TimeZone(identifier: zone).map(HospitalCalendar.init(timeZone:)) ?? server.calendar
            var rules = server.rules
            if let json = try row.decode(column: "settings", as: String?.self) {
                let settings = try JSONDecoder().decode(HospitalSettings.self, from: Data(json.utf8))
                rules = settings.registration?.applied(to: server.rules) ?? server.rules
            }
            byHospital[try row.decode(column: "id", as: String.self)] = HospitalTerms(rules: rules, calendar: calendar)
        }
        var byDepartment: [String: HospitalTerms] = [:]
        for row in try await db.raw("SELECT id, hospital_id FROM departments").all() {
            byDepartment[try row.decode(column: "id", as: String.self)] = byHospital[try row.decode(column: "hospital_id", as: String.self)]
        }
        return Contents(byDepartment: byDepartment, byHospital: byHospital)
    }
}
