import Accounts
import ArgumentParser
import AsyncHTTPClient
import Foundation
import Scheduling
import Storage
import Simulator

struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Walk patient journeys (YAML) through the API and check every reply.",
        discussion: "Without --server, a dev server with the demo hospital runs inside this process. Exit status 0 only when every expectation held.")

    @Argument(help: "Journey files, e.g. fixtures/journeys/*.yaml")
    var journeys: [String]

    @Option(help: "A running dev-mode server, e.g. http://127.0.0.1:8080.")
    var server: String?

    @Option(help: "Write each step's result and latency as JSON to this file.")
    var report: String?

    @Option(name: .customLong("hospital-bundle"), help: "The in-process server also imports this hospital (a FHIR bundle); repeatable.")
    var hospitalBundles: [String] = []

    @Option(help: "Crowd mode: this many virtual patients walk the (one) journey, each with its own phone.")
    var patients: Int?

    @OptionGroup var trust: ServerTrust

    @Option(help: "Crowd mode: at most this many patients at a time.")
    var concurrency = 8

    func run() async throws {
        let loaded = try journeys.map { try Journey.load(URL(fileURLWithPath: $0)) }
        if let patients {
            guard loaded.count == 1, patients > 0, concurrency > 0 else {
                throw ValidationError("crowd mode walks one journey with --patients > 0 and --concurrency > 0")
            }
            // The server has one clock: patients moving it at once would pull it from under each other.
            guard !loaded[0].steps.contains(where: { $0.clock != nil }) else {
                throw ValidationError("\(loaded[0].name) moves the server's clock, which every patient shares: walk it alone, not as a crowd")
            }
            try await crowd(loaded[0], patients: patients)
            return
        }
        let results = try await trust.withClient { client in
            try await TargetServer.with(
                server,
                prepare: { [hospitalBundles] database in
                    try await Self.importHospitals(hospitalBundles, into: database)
                    try await Self.addDoctors(of: loaded, to: database)
                }
            ) { url in
                try await Self.walk(loaded, on: url, httpClient: client)
            }
        }
        try writeReport(results)
        let failed = results.filter { !$0.passed }.map(\.journey)
        print(
            "\(results.count - failed.count) of \(results.count) journeys passed"
                + (failed.isEmpty ? "" : "; failed: \(failed.joined(separator: ", "))"))
        if !failed.isEmpty { throw ExitCode(1) }
    }

    private func crowd(_ journey: Journey, patients: Int) async throws {
        let concurrency = concurrency
        let summary = try await trust.withClient { client in
            try await TargetServer.with(server, prepare: { try await Self.addDoctors(of: [journey], to: $0) }) { url in
                await Crowd(server: url, journey: journey, httpClient: client)
                    .run(patients: patients, concurrency: concurrency, progress: Self.progress(of: patients))
            }
        }
        if isatty(STDERR_FILENO) != 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        print(Crowd.describe(summary))
        try writeReport(summary)
        // Under load, expectations may fail for good reasons (the first slot fills up); errors may not.
        if summary.errors > 0 { throw ExitCode(1) }
    }

    /// The in-process server serves these hospitals too (with the settings beside each), and their sessions.
    static func importHospitals(_ files: [String], into database: Database) async throws {
        for file in files {
            _ = try await HospitalFiles(bundle: URL(fileURLWithPath: file)).importInto(database)
        }
        if !files.isEmpty { try await ClinicSchedule.seedFromToday(into: database) }
    }

    /// The in-process server gets the journeys' doctor and admin accounts (a `--server` must have them already).
    static func addDoctors(of journeys: [Journey], to database: Database) async throws {
        let staff = StaffDirectory(database: database, clock: SystemClock())
        var added: Set<String> = []
        for doctor in journeys.compactMap(\.persona.doctor) where added.insert(doctor.username).inserted {
            _ = try await staff.add(
                username: doctor.username, password: doctor.password, role: .doctor, displayName: doctor.username,
                doctorId: doctor.doctorId)
        }
        for admin in journeys.compactMap(\.persona.admin) where added.insert(admin.username).inserted {
            _ = try await staff.add(username: admin.username, password: admin.password, role: .admin, displayName: admin.username)
        }
    }

    /// Writes `--report` when it was given.
    private func writeReport(_ value: some Encodable) throws {
        guard let report else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(value).write(to: URL(fileURLWithPath: report))
    }

    /// A progress bar on standard error, when it is a terminal.
    static func progress(of total: Int) -> @Sendable (Int) -> Void {
        guard isatty(STDERR_FILENO) != 0 else { return { _ in } }
        return { done in
            let width = 30
            let filled = done * width / max(total, 1)
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
        }
    }

    static func walk(_ journeys: [Journey], on server: URL, httpClient: HTTPClient = .shared) async throws -> [JourneyResult] {
        var results: [JourneyResult] = []
        for journey in journeys {
            results.append(try await JourneyRunner(server: server, httpClient: httpClient) { print(TerminalColour.paint($0)) }.run(journey))
        }
        return results
    }
}
