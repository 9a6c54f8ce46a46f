import CompanionTestSupport
import Foundation
import Scheduling
import Storage
import Testing

@Suite("A hospital's own registration rules")
struct HospitalRegistrationRulesTests {
    /// The demo hospital on the server's rules and 青山县人民医院 on its own (release 14 days ahead at 07:30, cancel
    /// until 24 h before, check-in 30 minutes before), on one registration.
    static func withBoth(_ engine: TestEngine, _ body: @escaping @Sendable (RegistrationFixture) async throws -> Void) async throws {
        try await RegistrationFixture.with(engine) { f in
            let files = try HospitalFiles(bundle: HospitalBundles.folder.appendingPathComponent("qingshan-county.fhir.json"))
            _ = try await files.importInto(f.db, clock: f.clock)
            try await body(RegistrationFixture(db: f.db, clock: f.clock, registration: Registration(database: f.db, clock: f.clock)))
        }
    }

    @Test("places open on the hospital's own day and time", arguments: TestEngine.available)
    func release(engine: TestEngine) async throws {
        try await Self.withBoth(engine) { f in
            let county = try await f.session(doctor: "qs-dnk-r1", date: "2026-12-20")
            let demo = try await f.session(doctor: "doc_pediatrics_1", date: "2026-12-20")
            #expect(county.session.releaseAt == RegistrationFixture.calendar.instant(date: "2026-12-06", time: "07:30"))
            #expect(demo.session.releaseAt == RegistrationFixture.calendar.instant(date: "2026-12-13", time: "08:00"))
        }
    }

    @Test("cancelling and checking in follow each hospital's cut-offs", arguments: TestEngine.available)
    func cutoffs(engine: TestEngine) async throws {
        try await Self.withBoth(engine) { f in
            let county = try await f.session(doctor: "qs-dnk-r1", date: "2026-12-10", releaseAt: f.clock.now())
            let demo = try await f.session(doctor: "doc_pediatrics_1", date: "2026-12-10", releaseAt: f.clock.now())
            let (account, patient) = try await f.patient()
            let atCounty = try await f.registration.book(.slot(county.slots[0].id), patientId: patient, accountId: account, reason: nil)
            let atDemo = try await f.registration.book(.slot(demo.slots[1].id), patientId: patient, accountId: account, reason: nil)

            f.at("2026-12-09", "12:00")  // 20 hours before both
            await #expect {
                try await f.registration.cancel(appointmentId: atCounty.id, reason: nil, by: .patient(accountId: account))
            } throws: { error in
                if case SchedulingError.pastCutoff = error { return true }
                return false
            }
            #expect(try await f.registration.cancel(appointmentId: atDemo.id, reason: nil, by: .patient(accountId: account)).status == .cancelled)

            f.at("2026-12-10", "07:15")  // 45 minutes before the session: the demo's check-in is open, the county's not yet
            await #expect {
                try await f.registration.checkIn(appointmentId: atCounty.id, accountId: account)
            } throws: { error in
                if case SchedulingError.checkInClosed = error { return true }
                return false
            }
            f.at("2026-12-10", "07:31")
            #expect(try await f.registration.checkIn(appointmentId: atCounty.id, accountId: account).0.status == .checkedIn)
        }
    }

    @Test("an account books at most the hospital's daily number", arguments: TestEngine.available)
    func dailyLimit(engine: TestEngine) async throws {
        try await Self.withBoth(engine) { f in
            let (account, first) = try await f.patient()
            var patients = [first]
            for name in ["李四", "王五", "赵六"] { patients.append(try await f.anotherPatient(of: account, name: name)) }
            let county = try await f.session(doctor: "qs-dnk-r1", date: "2026-12-10", releaseAt: f.clock.now())
            for patient in patients.prefix(3) {
                _ = try await f.registration.book(.slot(county.slots[0].id), patientId: patient, accountId: account, reason: nil)
            }
            await #expect(throws: SchedulingError.dailyLimit(limit: 3)) {
                try await f.registration.book(.slot(county.slots[1].id), patientId: patients[3], accountId: account, reason: nil)
            }
        }
    }

    @Test("registration rules and answers out of range are refused, each by its field")
    func invalidRules() {
        let bad = #"""
            {"registration": {"releaseDaysAhead": 90, "releaseTime": "7:75", "cancelCutoffMinutes": -1, "noShowLimit": 0},
             "faq": [{"id": "Parking", "zh": {"questions": [], "answer": "东门"}, "en": {"questions": ["parking"], "answer": "East gate"}},
                     {"id": "ok", "zh": {"questions": ["停车"], "answer": "东门"}, "en": {"questions": ["parking"], "answer": "East gate"}},
                     {"id": "ok", "zh": {"questions": ["停车"], "answer": "东门"}, "en": {"questions": ["parking"], "answer": "East gate"}}]}
            """#
        #expect {
            try HospitalSettings.read(Data(bad.utf8))
        } throws: { error in
            let fields = Set((error as? ValidationFailed)?.errors.map(\.field) ?? [])
            return fields == [
                "registration.releaseDaysAhead", "registration.releaseTime", "registration.cancelCutoffMinutes", "registration.noShowLimit",
                "faq[0]", "faq[2].id",
            ]
        }
    }
}
