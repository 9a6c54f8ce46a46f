import Foundation
import Storage

/// The demo hospital shipped with Companion (`DemoHospital/demo-hospital.fhir.json`, a FHIR R4 Bundle): a tertiary
/// hospital in Asia/Shanghai with 27 departments, their doctors, and the places a patient walks between. It is
/// imported through the same path as any hospital (`HospitalImport`).
public enum DemoHospital {
    public static let hospitalId = "hosp_demo"

    /// The bundle's bytes.
    public static func bundle() throws -> Data {
        guard let url = Bundle.module.url(forResource: "demo-hospital.fhir", withExtension: "json", subdirectory: "DemoHospital") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }

    /// The demo hospital, read and checked.
    public static func definition() throws -> HospitalDefinition {
        try HospitalBundleReader.read(try bundle())
    }

    /// Imports the demo hospital, updating an earlier copy in place; returns false when nothing changed (seeding twice
    /// is harmless and writes nothing).
    @discardableResult
    public static func seed(into database: Database, clock: any NowProvider = SystemClock()) async throws -> Bool {
        let report = try await HospitalImport(database: database, clock: clock).run(try definition())
        return !report.changes.isEmpty
    }

    /// The demo hospital's department for each specialty, from its file (for evaluations that need no database).
    public static func departmentsBySpecialty() throws -> [String: String] {
        try definition().departmentsBySpecialty()
    }
}
