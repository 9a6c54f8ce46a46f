import ArgumentParser
import Foundation
import Storage

/// `companion keys`: the data keys that seal health text.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the data keys that seal health text at rest.", subcommands: [Rotate.self, Status.self])

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the data keys per purpose and which one seals now.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let logger = try database.bootstrapLogging()
            let db = try await database.openMigrated(logger: logger, unlockingWith: try database.masterKey(makeInDataFolder: false))
            for purpose in SealedPurpose.allCases {
                let current = try db.sealingKey(purpose)
                for key in db.dataKeys[purpose] ?? [] {
                    let state = key.id == current ? "sealing" : key.activeFrom > Clock.millis(Date()) ? "pending" : "opening only"
                    print("\(purpose.rawValue)\t\(key.id)\tactive from \(Clock.date(millis: key.activeFrom))\t\(state)")
                }
            }
            try await db.close()
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: """
                New data keys for every purpose, active after every running server has loaded them; then everything sealed \
                before is sealed again with them, while the servers keep serving. With --new-master-key-file, the data keys \
                are first wrapped with the new master key (give it to every server before they restart).
                """)
        @OptionGroup var database: DatabaseOptions

        @Option(name: .customLong("new-master-key-file"), help: "Wrap the data keys with this master key from now on.")
        var newMasterKeyFile: String?

        @Option(name: .customLong("activate-after"), help: "Seconds until the new keys seal (≥ 60: servers reload keys every 30 s). Default: 90")
        var activateAfter = 90

        func validate() throws {
            guard activateAfter >= 60 else { throw ValidationError("--activate-after must be at least 60 seconds") }
        }

        func run() async throws {
            let logger = try database.bootstrapLogging()
            let db = try await database.openMigrated(logger: logger, unlockingWith: try database.masterKey(makeInDataFolder: false))
            do {
                if let newMasterKeyFile {
                    try await db.rewrapDataKeys(with: try MasterKey.load(path: newMasterKeyFile))
                    print("data keys wrapped with the new master key")
                }
                let activation = Date().addingTimeInterval(TimeInterval(activateAfter))
                try await db.addDataKeys(activeFrom: activation)
                print("new data keys seal from \(activation); sealing everything again after that")
                // A little past the activation, for servers whose clocks run slightly behind.
                try await Task.sleep(for: .seconds(activateAfter + 5))
                let counts = try await db.reseal()
                for (column, count) in counts.sorted(by: { $0.key < $1.key }) { print("\(column)\t\(count) sealed again") }
                print("rotation done")
            } catch {
                try? await db.close()
                throw error
            }
            try await db.close()
        }
    }
}
