import CompanionTestSupport
import Foundation
import Scheduling
import SQLKit
import Storage
import Testing

@Suite("Clinic schedules from hospital settings")
struct ClinicScheduleTests {
    static func sessions(_ db: Database, where condition: String) async throws -> [(doctor: String, date: String, period: String, fee: Int)] {
        try await db.sql.raw("SELECT doctor_id, date, period, fee_cents FROM doctor_sessions WHERE \(unsafeRaw: condition) ORDER BY date, doctor_id")
            .all()
            .map {
                (
                    try $0.decode(column: "doctor_id", as: String.self), try $0.decode(column: "date", as: String.self),
                    try $0.decode(column: "period", as: String.self), try $0.decode(column: "fee_cents", as: Int.self)
                )
            }
    }

    @Test(
        "the demo's schedule: chiefs and attendings in the morning, the others in the afternoon, chiefs on Saturday, no emergency clinic",
        arguments: TestEngine.available)
    func demoSchedule(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let created = try await ClinicSchedule.seed(f.registration, from: "2026-12-07")  // a Monday
            #expect(created > 0)
            #expect(try await ClinicSchedule.seed(f.registration, from: "2026-12-07") == 0, "generating again creates nothing")
            let chief = try await Self.sessions(f.db, where: "doctor_id = 'doc_cardiology_1' AND date <= '2026-12-13'")
            #expect(chief.map(\.date) == ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12"])
            #expect(chief.allSatisfy { $0.period == "morning" && $0.fee == 5000 })
            let associate = try await Self.sessions(f.db, where: "doctor_id = 'doc_cardiology_2' AND date <= '2026-12-13'")
            #expect(associate.count == 5 && associate.allSatisfy { $0.period == "afternoon" && $0.fee == 3000 })
            #expect(try await Self.sessions(f.db, where: "department_id = 'dept_emergency'").isEmpty)
        }
    }

    @Test("a county hospital's own schedule: closures, weekend clinics for two departments, fees by title", arguments: TestEngine.available)
    func qingshanSchedule(engine: TestEngine) async throws {
        try await RegistrationFixture.with(engine) { f in
            let files = try HospitalFiles(bundle: HospitalBundles.folder.appendingPathComponent("qingshan-county.fhir.json"))
            let (_, settingsChanged) = try await files.importInto(f.db, clock: f.clock)
            #expect(settingsChanged)
            #expect(try await files.importInto(f.db, clock: f.clock).settingsChanged == false)
            try await ClinicSchedule.seed(f.registration, from: "2026-12-28")  // a Monday; 2027-01-01 is closed
            let qingshan = "hospital_id = 'qingshan'"
            #expect(try await Self.sessions(f.db, where: qingshan + " AND date = '2027-01-01'").isEmpty)
            let weekend = try await Self.sessions(f.db, where: qingshan + " AND date IN ('2027-01-02', '2027-01-03')")
            #expect(!weekend.isEmpty && weekend.allSatisfy { $0.doctor.hasPrefix("qs-ek-") || $0.doctor.hasPrefix("qs-dnk-") })
            let monday = try await Self.sessions(f.db, where: qingshan + " AND date = '2026-12-28'")
            #expect(monday.contains { $0.doctor == "qs-dnk-r1" && $0.period == "afternoon" && $0.fee == 3000 })
            #expect(monday.contains { $0.doctor == "qs-dnk-r2" && $0.period == "morning" && $0.fee == 1000 })
            #expect(!monday.contains { $0.doctor == "qs-dnk-r2" && $0.period == "afternoon" })
            #expect(!monday.contains { $0.doctor.hasPrefix("qs-jzk") }, "the emergency department has no booked clinic")
        }
    }

    @Test("settings that cannot work are refused, each problem named by its field")
    func invalidSettings() {
        let bad = #"""
            {"schedule": {"daysAhead": 0, "closures": ["2027-13-01"], "defaultFee": 10,
             "templates": [{"weekdays": [8], "period": "night", "start": "12:00", "end": "08:00", "slotMinutes": 30, "capacityPerSlot": 3}]}}
            """#
        #expect {
            try HospitalSettings.read(Data(bad.utf8))
        } throws: { error in
            let fields = Set((error as? ValidationFailed)?.errors.map(\.field) ?? [])
            return fields == [
                "schedule.daysAhead", "schedule.closures[0]", "schedule.templates[0].weekdays", "schedule.templates[0].period",
                "schedule.templates[0].start",
            ]
        }
    }
}
