import Accounts
import CompanionTestSupport
import Foundation
import HummingbirdTesting
import Scheduling
import Simulator
import Storage
import Testing

/// Every journey shipped in fixtures/journeys walks through a live server; a broken one fails CI.
@Suite("Simulator: journeys")
struct JourneyTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/journeys")
    static let hospitals = folder.deletingLastPathComponent().appendingPathComponent("hospitals")

    static var shipped: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// A live server with the demo hospital and 青山县人民医院, and their next 14 days of sessions.
    static func withServer(doctors journeys: [Journey] = [], _ body: @escaping @Sendable (URL) async throws -> Void) async throws {
        let clock = TestClock.wall()
        try await withAPI(clock: clock, live: true) { api in
            // Two hospitals on one server, as the journeys at 青山县人民医院 need; the demo's answer as before.
            let qingshan = hospitals.appendingPathComponent("qingshan-county.fhir.json")
            _ = try await HospitalFiles(bundle: qingshan).importInto(api.database, clock: clock)
            try await ClinicSchedule.seedFromToday(into: api.database, clock: clock)
            let staff = StaffDirectory(database: api.database, clock: TestClock.wall())
            for doctor in journeys.compactMap(\.persona.doctor) {
                _ = try await staff.add(
                    username: doctor.username, password: doctor.password, role: .doctor, displayName: doctor.username, doctorId: doctor.doctorId)
            }
            for admin in journeys.compactMap(\.persona.admin) {
                _ = try await staff.add(username: admin.username, password: admin.password, role: .admin, displayName: admin.username)
            }
            try await body(URL(string: "http://127.0.0.1:\(try #require(api.client.port))")!)
        }
    }

    @Test("every shipped journey passes", arguments: shipped)
    func shippedJourney(file: String) async throws {
        let journey = try Journey.load(Self.folder.appendingPathComponent(file))
        try await Self.withServer(doctors: [journey]) { server in
            let result = try await JourneyRunner(server: server) { _ in }.run(journey)
            for step in result.steps { #expect(step.failures.isEmpty, "\(file): \(step.say): \(step.failures)") }
        }
        #expect(Self.shipped.count >= 12)
    }

    @Test("a failed expectation shows what was expected against what came")
    func failedExpectation() async throws {
        let journey = try Journey.parse(
            """
            name: wrong on purpose
            hospital: hosp_demo
            persona: {phone: "13800000199"}
            steps:
              - say: 停车场在哪里
                expect: {stage: emergency, card: slots, textContains: 火星}
            """, file: "wrong.yaml")
        try await Self.withServer { server in
            let result = try await JourneyRunner(server: server) { _ in }.run(journey)
            #expect(!result.passed)
            let failures = result.steps[0].failures
            #expect(failures.contains("stage: expected emergency, got smalltalk"))
            #expect(failures.contains("card: expected slots, got faq"))
            #expect(failures.contains { $0.hasPrefix("text: expected to contain \"火星\"") })
        }
    }

    @Test("a malformed journey is refused with its line number")
    func malformedJourney() {
        let text = """
            name: broken
            persona:
              phone: "13800000198"
              patients:
                - {name: 王小宝, gender: male, birthDate: "2020-05-01"}
            steps:
              - say: 你好
              - expect: {stage: triage}
            """
        #expect {
            try Journey.parse(text, file: "broken.yaml")
        } throws: { error in
            "\(error)".contains("broken.yaml") && "\(error)".contains("say") && "\(error)".contains("line 8")
        }
        let twoActions = text.replacingOccurrences(of: "  - expect: {stage: triage}", with: "  - {book: {department: 儿科, day: 1}, cancel: x}")
        #expect {
            try Journey.parse(twoActions, file: "two.yaml")
        } throws: { error in
            "\(error)".contains("exactly one action") && "\(error)".contains("line 8")
        }
    }

    @Test("a value used before any step saved it fails that step and says what was saved")
    func missingValue() async throws {
        let journey = try Journey.parse(
            """
            name: early cancel
            persona: {phone: "13800000197", patients: [{name: 王小宝, gender: male, birthDate: "2020-05-01"}]}
            steps:
              - cancel: ${appointment}
            """, file: "early.yaml")
        try await Self.withServer { server in
            let result = try await JourneyRunner(server: server) { _ in }.run(journey)
            #expect(result.steps[0].failures == ["no value named appointment yet (saved so far: )"])
        }
    }
}

@Suite("Simulator: crowds")
struct CrowdTests {
    @Test("a crowd of 12 patients, 4 at a time, walks a journey: per-step percentiles, throughput, no errors")
    func crowd() async throws {
        let journey = try Journey.load(JourneyTests.folder.appendingPathComponent("faq-and-handoff.yaml"))
        try await JourneyTests.withServer { server in
            let report = await Crowd(server: server, journey: journey).run(patients: 12, concurrency: 4) { _ in }
            #expect(report.errors == 0)
            #expect(report.failedExpectations == 0)
            #expect(report.steps.count == journey.steps.count)
            #expect(report.steps.allSatisfy { $0.p50Ms > 0 && $0.p50Ms <= $0.p95Ms && $0.p95Ms <= $0.p99Ms })
            #expect(report.turnsPerSecond > 0)
            #expect(Crowd.describe(report).contains("12 patients, 4 at a time"))
        }
    }
}
