import Foundation
import Storage

/// A hospital on disk: its FHIR bundle `NAME.fhir.json` and, beside it, its settings `NAME.settings.json`.
public struct HospitalFiles: Sendable {
    public let definition: HospitalDefinition
    public let settings: HospitalSettings?

    /// Reads the bundle and the settings beside it (when there are any).
    public init(bundle url: URL) throws {
        definition = try HospitalBundleReader.read(try Data(contentsOf: url))
        let settingsURL = Self.settingsURL(forBundle: url)
        settings = FileManager.default.fileExists(atPath: settingsURL.path) ? try HospitalSettings.read(try Data(contentsOf: settingsURL)) : nil
    }

    /// A hospital read some other way (an admin route's upload).
    public init(definition: HospitalDefinition, settings: HospitalSettings?) {
        self.definition = definition
        self.settings = settings
    }

    /// `NAME.settings.json` for `NAME.fhir.json` (or for `NAME.json`).
    public static func settingsURL(forBundle url: URL) -> URL {
        let name = url.lastPathComponent
        let stem = name.hasSuffix(".fhir.json") ? String(name.dropLast(10)) : url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(stem + ".settings.json")
    }

    /// Imports the hospital, then saves its settings; returns the import's report and whether the settings changed.
    /// What changed is written to the hospital change log as done by `actor`.
    public func importInto(
        _ database: Database, clock: any NowProvider = SystemClock(), dryRun: Bool = false,
        retire: Bool = false, by actor: String = "cli"
    ) async throws -> (report: HospitalImportReport, settingsChanged: Bool) {
        let report = try await HospitalImport(database: database, clock: clock).run(definition, dryRun: dryRun, retire: retire)
        guard !dryRun else { return (report, false) }
        let log = HospitalChangeLog(database: database, clock: clock)
        let hospitalId = definition.hospital.id
        if !report.changes.isEmpty { try await log.record("bundle_imported", by: actor, hospitalId: hospitalId, summary: report.auditSummary) }
        guard let settings else { return (report, false) }
        let changed = try await HospitalSettingsStore(database: database).save(settings, hospitalId: hospitalId, at: clock.now())
        if changed { try await log.record("settings_saved", by: actor, hospitalId: hospitalId, summary: settings.auditSummary) }
        return (report, changed)
    }
}
