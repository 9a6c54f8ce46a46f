import Foundation
import SQLKit
import Storage

/// Hospitals' settings as stored (`hospital_settings`, one JSON document per hospital).
public struct HospitalSettingsStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Saves a hospital's settings; returns false when they were already these (nothing written).
    @discardableResult
    public func save(_ settings: HospitalSettings, hospitalId: String, at now: Date) async throws -> Bool {
        guard try await load(hospitalId: hospitalId) != settings else { return false }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(settings), as: UTF8.self)
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO hospital_settings (hospital_id, settings, updated_at) VALUES (\(bind: hospitalId), \(bind: json), \(bind: Clock.millis(now)))
                ON CONFLICT (hospital_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at
                """
            ).run()
        }
        return true
    }

    /// Every hospital's settings, by hospital id.
    public func all() async throws -> [String: HospitalSettings] {
        var settings: [String: HospitalSettings] = [:]
        for row in try await database.sql.raw("SELECT hospital_id, settings FROM hospital_settings").all() {
            let json = try row.decode(column: "settings", as: String.self)
            settings[try row.decode(column: "hospital_id", as: String.self)] = try JSONDecoder().decode(HospitalSettings.self, from: Data(json.utf8))
        }
        return settings
    }

    public func load(hospitalId: String) async throws -> HospitalSettings? {
        guard let row = try await database.sql.raw("SELECT settings FROM hospital_settings WHERE hospital_id = \(bind: hospitalId)").first() else {
            return nil
        }
        return try JSONDecoder().decode(HospitalSettings.self, from: Data(try row.decode(column: "settings", as: String.self).utf8))
    }
}
