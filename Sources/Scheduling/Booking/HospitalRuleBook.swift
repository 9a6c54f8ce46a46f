import Foundation
import SQLKit
import Storage

/// The registration rules that hold for each department: the server's, changed by its hospital's settings. Read in
/// one query and kept for a short while, like the directory; a hospital's new settings hold within `lifetime`.
final class HospitalRuleBook: @unchecked Sendable {
    private struct Contents {
        let byDepartment: [String: SchedulingRules]
        let loadedAt: Date
    }

    let server: SchedulingRules
    let lifetime: TimeInterval
    // The lock guards `contents`, the only mutable state.
    private let lock = NSLock()
    private var contents: Contents?

    init(server: SchedulingRules, lifetime: TimeInterval = 30) {
        self.server = server
        self.lifetime = lifetime
    }

    /// Drops the kept rules: the next read loads afresh.
    func forget() { lock.withLock { contents = nil } }

    /// The rules for a department's slots (the server's for a department it does not know), read on `db` (which may
    /// be inside a transaction) when the kept copy is missing or old.
    func rules(forDepartment departmentId: String, on db: any SQLDatabase) async throws -> SchedulingRules {
        if let cached = lock.withLock({ contents }), Date().timeIntervalSince(cached.loadedAt) < lifetime {
            return cached.byDepartment[departmentId] ?? server
        }
        let rows = try await db.raw(
            """
            SELECT d.id, s.hospital_id, s.settings FROM departments d JOIN hospital_settings s ON s.hospital_id = d.hospital_id
            """
        ).all()
        var byHospital: [String: SchedulingRules] = [:]
        var byDepartment: [String: SchedulingRules] = [:]
        for row in rows {
            let hospitalId = try row.decode(column: "hospital_id", as: String.self)
            if byHospital[hospitalId] == nil {
                let json = try row.decode(column: "settings", as: String.self)
                let settings = try JSONDecoder().decode(HospitalSettings.self, from: Data(json.utf8))
                byHospital[hospitalId] = settings.registration?.applied(to: server) ?? server
            }
            byDepartment[try row.decode(column: "id", as: String.self)] = byHospital[hospitalId]
        }
        lock.withLock { contents = Contents(byDepartment: byDepartment, loadedAt: Date()) }
        return byDepartment[departmentId] ?? server
    }
}
