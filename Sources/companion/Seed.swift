import ArgumentParser
import Foundation
import Scheduling
import Storage

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the demo hospital (departments, doctors, locations).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let logger = try database.bootstrapLogging()
        let db = try await database.openMigrated(logger: logger)
        let wrote = try await DemoHospital.seed(into: db)
        print(wrote ? "demo hospital seeded" : "demo hospital already present")
        let sessions = try await ClinicSchedule.seedFromToday(into: db)
        print("\(sessions) doctor sessions created for the next 14 days")
        try await db.close()
    }
}
