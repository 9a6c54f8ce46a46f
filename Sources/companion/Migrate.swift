import ArgumentParser
import Storage

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations and exit.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let logger = try database.bootstrapLogging()
        let db = try await database.openMigrated(logger: logger)
        let versions = try await Migrator().appliedVersions(on: db)
        print("database at migration \(versions.last ?? 0) (\(versions.count) applied)")
        try await db.close()
    }
}
