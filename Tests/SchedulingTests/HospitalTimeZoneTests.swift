import CompanionTestSupport
import Foundation
import Scheduling
import SQLKit
import Storage
import Testing

@Suite("A hospital keeps its own time zone")
struct HospitalTimeZoneTests {
    /// 青山县人民医院 moved to Asia/Urumqi (two hours behind Beijing time), beside the demo hospital in Asia/Shanghai.
    static func withWesternHospital(_ engine: TestEngine, _ body: @escaping @Sendable (RegistrationFixture) async throws -> Void) async throws {
        try await RegistrationFixture.with(engine) { f in
            let url = HospitalBundles.folder.appendingPathComponent("qingshan-county.fhir.json")
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
                of: "\"valueCode\": \"Asia/Shanghai\"", with: "\"valueCode\": \"Asia/Urumqi\"")
            let settings = try HospitalSettings.read(try Data(contentsOf: HospitalFiles.settingsURL(forBundle: url)))
            _ = try await HospitalFiles(definition: try HospitalBundleReader.read(Data(text.utf8)), settings: settings).importInto(
                f.db, clock: f.clock)
            try await body(RegistrationFixture(db: f.db, clock: f.clock, registration: Registration(database: f.db, clock: f.clock)))
        }
    }

    @Test("a session at 08:00 starts at 08:00 in the hospital's zone; its places open at the hospital's 07:30", arguments: TestEngine.available)
    func sessionsInTheHospitalsZone(engine: TestEngine) async throws {
        try await Self.withWesternHospital(engine) { f in
            let urumqi = HospitalCalendar(timeZone: TimeZone(identifier: "Asia/Urumqi")!)
            let western = try await f.session(doctor: "qs-dnk-r1", date: "2026-12-20")
            let demo = try await f.session(doctor: "doc_pediatrics_1", date: "2026-12-20")
            #expect(western.session.startsAt == urumqi.instant(date: "2026-12-20", time: "08:00"))
            #expect(western.session.startsAt.timeIntervalSince(demo.session.startsAt) == 2 * 3600, "08:00 in Urumqi is 10:00 in Beijing")
            #expect(western.session.releaseAt == urumqi.instant(date: "2026-12-06", time: "07:30"))
            #expect(try await f.registration.calendar(forDepartment: "qs-dnk").clockTime(western.slots[0].startsAt) == "08:00")
        }
    }

    @Test("check-in is on the visit's day in the hospital's zone", arguments: TestEngine.available)
    func checkInDay(engine: TestEngine) async throws {
        try await Self.withWesternHospital(engine) { f in
            let session = try await f.session(doctor: "qs-dnk-r1", date: "2026-12-10", start: "00:30", end: "02:30", releaseAt: f.clock.now())
            let (account, patient) = try await f.patient()
            let booked = try await f.registration.book(.slot(session.slots[0].id), patientId: patient, accountId: account, reason: nil)
            // 2026-12-10 01:30 in Beijing is still 2026-12-09 in Urumqi, 23:30: not the visit's day there.
            f.at("2026-12-10", "01:30")
            await #expect(throws: SchedulingError.checkInClosed(.notToday)) {
                try await f.registration.checkIn(appointmentId: booked.id, accountId: account)
            }
            f.at("2026-12-10", "02:10")  // 00:10 in Urumqi
            #expect(try await f.registration.checkIn(appointmentId: booked.id, accountId: account).0.status == .checkedIn)
        }
    }

    @Test("the weekly schedule is generated from the hospital's own today", arguments: TestEngine.available)
    func scheduleFromTheHospitalsToday(engine: TestEngine) async throws {
        try await Self.withWesternHospital(engine) { f in
            f.at("2026-12-07", "01:00")  // Monday 01:00 in Beijing, still Sunday 23:00 in Urumqi
            try await ClinicSchedule.seedFromToday(into: f.db, clock: f.clock)
            let sunday = try await f.db.sql.raw(
                "SELECT COUNT(*) AS n FROM doctor_sessions s JOIN departments d ON d.id = s.department_id WHERE d.hospital_id = 'qingshan' AND s.date = '2026-12-06'"
            ).first()!.decode(column: "n", as: Int.self)
            let demoSunday = try await f.db.sql.raw(
                "SELECT COUNT(*) AS n FROM doctor_sessions s JOIN departments d ON d.id = s.department_id WHERE d.hospital_id = 'hosp_demo' AND s.date = '2026-12-06'"
            ).first()!.decode(column: "n", as: Int.self)
            #expect(sunday > 0, "Sunday is still today in Urumqi: its weekend clinics are generated")
            #expect(demoSunday == 0, "in Beijing Sunday is over")
        }
    }
}
