import Accounts
import ArgumentParser
import Foundation
import Storage

struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Manage staff accounts (doctors, administrators).", subcommands: [Add.self, Disable.self, Enable.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a staff account. The password is read from COMPANION_STAFF_PASSWORD or standard input, never from a flag."
        )

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Login name: 3–32 lowercase letters, digits, . _ -") var username: String
        @Option(help: "doctor or admin") var role: String
        @Option(name: .customLong("name"), help: "Name shown to colleagues") var displayName: String
        @Option(name: .customLong("doctor-id"), help: "For doctors: the directory doctor this account is") var doctorId: String?

        func run() async throws {
            guard let role = Role(rawValue: role), role != .patient else { throw ValidationError("--role must be doctor or admin") }
            let password = ProcessInfo.processInfo.environment["COMPANION_STAFF_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
            let logger = try database.bootstrapLogging()
            let db = try await database.openMigrated(logger: logger)
            defer { Task { try? await db.close() } }
            do {
                let member = try await StaffDirectory(database: db, clock: SystemClock())
                    .add(username: username, password: password, role: role, displayName: displayName, doctorId: doctorId)
                print("created \(member.role.rawValue) \(member.username) (\(member.id))")
            } catch let failed as ValidationFailed {
                throw ValidationError(failed.errors.map { "\($0.field): \($0.message)" }.joined(separator: "; "))
            } catch AccountsError.usernameTaken {
                throw ValidationError("username \(username) is taken")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a staff account: it cannot log in, its refresh tokens are revoked, its access tokens run out within 15 minutes."
        )

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Login name") var username: String

        func run() async throws { try await setStaffDisabled(true, username: username, database: database) }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled staff account again.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Login name") var username: String

        func run() async throws { try await setStaffDisabled(false, username: username, database: database) }
    }
}

private func setStaffDisabled(_ disabled: Bool, username: String, database: DatabaseOptions) async throws {
    let logger = try database.bootstrapLogging()
    let db = try await database.openMigrated(logger: logger)
    defer { Task { try? await db.close() } }
    do {
        let member = try await StaffDirectory(database: db, clock: SystemClock()).setDisabled(disabled, username: username)
        print("\(disabled ? "disabled" : "enabled") \(member.role.rawValue) \(member.username) (\(member.id))")
    } catch is NotFound {
        throw ValidationError("no staff account named \(username)")
    }
}
