import Foundation
import Storage

/// The demo hospital shipped with Companion (`DemoHospital/demo-hospital.fhir.json`, a FHIR R4 Bundle): a tertiary
/// hospital in Asia/Shanghai with 27 departments, their doctors, and the places a patient walks between, with its
/// settings beside it. It is imported through the same path as any hospital (`HospitalFiles`, `HospitalImport`).
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

    /// Its settings (`demo-hospital.settings.json`): the weekly clinic schedule.
    public static func settings() throws -> HospitalSettings {
        guard let url = Bundle.module.url(forResource: "demo-hospital.settings", withExtension: "json", subdirectory: "DemoHospital") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try HospitalSettings.read(try Data(contentsOf: url))
    }

    /// Imports the demo hospital, updating an earlier copy in place; returns false when nothing changed (seeding twice
    /// is harmless and writes nothing).
    @discardableResult
    public static func seed(into database: Database, clock: any NowProvider = SystemClock()) async throws -> Bool {
        let (report, settingsChanged) = try await HospitalFiles(definition: try definition(), settings: try settings())
            .importInto(database, clock: clock)
        return !report.changes.isEmpty || settingsChanged
    }

    /// The demo hospital's department for each specialty, from its file (for evaluations that need no database).
    public static func departmentsBySpecialty() throws -> [String: String] {
        try definition().departmentsBySpecialty()
    }
}
