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
            abstract: "Import or update a hospital from a FHIR R4 Bundle (Organization, HealthcareService, Practitioner, PractitionerRole, Location).",
            discussion: """
                Re-importing updates in place by the resources' ids. A malformed bundle is refused whole, naming the entry and field. \
                A department or doctor gone from the bundle is retired; if it has appointments to come the import is refused \
                unless --retire, which closes its sessions and tells the patients. See docs/hospitals.md.
                """)

        @Argument(help: "The bundle (JSON).") var file: String
        @Flag(help: "Print what would change and write nothing.") var dryRun = false
        @Flag(help: "Close the sessions of departments and doctors gone from the bundle even when patients are booked.") var retire = false
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let definition: HospitalDefinition
            do {
                definition = try HospitalBundleReader.read(try Data(contentsOf: URL(fileURLWithPath: file)))
            } catch let invalid as HospitalBundleInvalid {
                throw ValidationError(invalid.description)
            }
            let logger = try database.bootstrapLogging()
            let db = try await database.openMigrated(logger: logger)
            do {
                print(try await HospitalImport(database: db).run(definition, dryRun: dryRun, retire: retire))
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
