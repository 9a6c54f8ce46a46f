import Foundation
import OpenAPIRuntime
import Scheduling
import Storage

/// Administrators change a hospital from the API: import its FHIR bundle, read and replace its settings, and read
/// who changed what. Every change is written to the hospital change log.
extension APIHandlers {
    func importHospital(_ input: Operations.ImportHospital.Input) async throws -> Operations.ImportHospital.Output {
        let staffId = try await adminOnly("Only administrators import hospitals.")
        guard case .applicationFhirJson(let body) = input.body else { throw Problem.invalidBody("Send the bundle as application/fhir+json.") }
        let definition = try HospitalBundleReader.read(try JSONEncoder().encode(body))
        let (report, _) = try await HospitalFiles(definition: definition, settings: nil).importInto(
            services.database, clock: services.clock, dryRun: input.query.dryRun ?? false, retire: input.query.retire ?? false,
            by: "admin:\(staffId)")
        if !report.dryRun {
            services.hospitalChanged()
            try await ClinicSchedule.seedFromToday(into: services.database, clock: services.clock)
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        hospitalId: report.hospitalId, dryRun: report.dryRun,
                        changes: report.changes.map {
                            Components.Schemas.HospitalImportChange(
                                kind: $0.kind, id: $0.id, name: $0.name, action: .init(rawValue: $0.action.rawValue) ?? .updated)
                        },
                        warnings: report.warnings, cancelledSessions: report.cancelledSessions))))
    }

    func getHospitalSettings(_ input: Operations.GetHospitalSettings.Input) async throws -> Operations.GetHospitalSettings.Output {
        _ = try await adminOnly("Only administrators read a hospital's settings.")
        let hospital = try await services.directory.hospital(id: input.path.hospitalId)
        let settings = try await HospitalSettingsStore(database: services.database).load(hospitalId: hospital.id) ?? HospitalSettings()
        let container = try JSONDecoder().decode(OpenAPIObjectContainer.self, from: try JSONEncoder().encode(settings))
        return .ok(.init(body: .json(.init(additionalProperties: container))))
    }

    func saveHospitalSettings(_ input: Operations.SaveHospitalSettings.Input) async throws -> Operations.SaveHospitalSettings.Output {
        let staffId = try await adminOnly("Only administrators change a hospital's settings.")
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send JSON.") }
        let hospital = try await services.directory.hospital(id: input.path.hospitalId)
        let settings = try HospitalSettings.read(try JSONEncoder().encode(body))
        let changed = try await HospitalSettingsStore(database: services.database).save(settings, hospitalId: hospital.id, at: services.clock.now())
        var created = 0
        if changed {
            try await HospitalChangeLog(database: services.database, clock: services.clock)
                .record("settings_saved", by: "admin:\(staffId)", hospitalId: hospital.id, summary: settings.auditSummary)
            services.hospitalChanged()
            created = try await ClinicSchedule.seedFromToday(into: services.database, clock: services.clock)
        }
        return .ok(.init(body: .json(.init(changed: changed, sessionsCreated: created))))
    }

    func listHospitalChanges(_ input: Operations.ListHospitalChanges.Input) async throws -> Operations.ListHospitalChanges.Output {
        _ = try await adminOnly("The hospital change log is for administrators.")
        let changes = try await HospitalChangeLog(database: services.database, clock: services.clock)
            .changes(hospitalId: input.query.hospitalId, limit: try Self.limit(input.query.limit))
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: changes.map {
                            .init(id: $0.id, at: $0.at, actor: $0.actor, action: $0.action, hospitalId: $0.hospitalId, summary: $0.summary)
                        }))))
    }

    /// The administrator's staff id, or 403 with `message`.
    private func adminOnly(_ message: String) async throws -> String {
        guard case .admin(let staffId) = try await schedulingCaller() else { throw Problem.forbidden(message) }
        return staffId
    }
}

extension Services {
    /// A hospital changed through this server: its directory, rules, wording and answers hold from the next request
    /// here (other instances, and the public directory routes' 30 s cache, catch up within 30 s).
    func hospitalChanged() {
        registration.forgetHospitals()
        hospitalSettings.forget()
    }
}
