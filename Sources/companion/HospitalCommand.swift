import ArgumentParser
import Foundation
import Scheduling
import Storage

struct HospitalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hospital", abstract: "Manage the hospitals the server serves.", subcommands: [ImportBundle.self])

    struct ImportBundle: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract:
                "Import or update a hospital from a FHIR R4 Bundle (Organization, HealthcareService, Practitioner, PractitionerRole, Location).",
            discussion: """
                The settings beside the bundle (NAME.settings.json for NAME.fhir.json: the weekly clinic schedule) are saved too, \
                and the sessions they give are generated. Re-importing updates in place by the resources' ids. A malformed bundle is refused whole, naming the entry and field. \
                A department or doctor gone from the bundle is retired; if it has appointments to come the import is refused \
                unless --retire, which closes its sessions and tells the patients. See docs/hospitals.md.
                """)

        @Argument(help: "The bundle (JSON).") var file: String
        @Flag(help: "Print what would change and write nothing.") var dryRun = false
        @Flag(help: "Close the sessions of departments and doctors gone from the bundle even when patients are booked.") var retire = false
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let files: HospitalFiles
            do {
                files = try HospitalFiles(bundle: URL(fileURLWithPath: file))
            } catch let invalid as HospitalBundleInvalid {
                throw ValidationError(invalid.description)
            } catch let invalid as ValidationFailed {
                throw ValidationError(
                    "the settings beside the bundle were refused: "
                        + invalid.errors.map { "\($0.field): \($0.message)" }.joined(separator: "; "))
            }
            let logger = try database.bootstrapLogging()
            // Retiring cancels appointments, whose reasons are sealed: that needs the data keys.
            let db = try await database.openMigrated(logger: logger, unlockingWith: retire ? try database.masterKey(makeInDataFolder: false) : nil)
            do {
                let (report, settingsChanged) = try await files.importInto(db, dryRun: dryRun, retire: retire)
                print(report)
                if settingsChanged { print("settings updated") }
                if !dryRun { print("\(try await ClinicSchedule.seedFromToday(into: db)) doctor sessions created") }
            } catch let refused as HospitalImportRefused {
                try await db.close()
                throw ValidationError(refused.description)
            } catch let invalid as HospitalBundleInvalid {
                try await db.close()
                throw ValidationError(invalid.description)
            }
            try await db.close()
        }
    }
}
