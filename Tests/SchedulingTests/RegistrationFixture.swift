import Accounts
import CompanionTestSupport
import Foundation
import Scheduling
import SQLKit
import Storage

/// A demo hospital, a manual clock in the hospital's time zone, and helpers to make patients and sessions.
struct RegistrationFixture: Sendable {
    let db: Database
    let clock: ManualClock
    let registration: Registration
    static let calendar = HospitalCalendar.shanghai

    /// Runs `body` with the clock at 2026-12-01 10:00 in Shanghai.
    static func with(
        _ engine: TestEngine = .sqlite, rules: SchedulingRules = SchedulingRules(),
        _ body: @escaping @Sendable (RegistrationFixture) async throws -> Void
    ) async throws {
        try await TestDatabase.with(engine) { db in
            try await DemoHospital.seed(into: db)
            let clock = ManualClock(calendar.instant(date: "2026-12-01", time: "10:00")!)
            try await body(RegistrationFixture(db: db, clock: clock, registration: Registration(database: db, clock: clock, rules: rules)))
        }
    }

    /// Sets the clock to a wall-clock time in Shanghai.
    func at(_ date: String, _ time: String) {
        clock.set(Self.calendar.instant(date: date, time: time)!)
    }

    /// A new account with one patient profile; returns (accountId, patientId).
    func patient(_ n: Int = 1, name: String = "张三") async throws -> (account: String, patient: String) {
        let account = "acc_\(n)_\(UUID().uuidString.prefix(8))"
        try await db.write(
            """
            INSERT INTO accounts (id, phone, patient_count, created_at) VALUES (\(bind: account), \(bind: "1380000\(String(format: "%04d", n))-\(account)"), 0, 0)
            """)
        let profile = try await PatientProfiles(database: db, clock: clock)
            .create(accountId: account, PatientProfileFields(name: name, gender: "male", birthDate: "1990-01-01"))
        return (account, profile.id)
    }

    /// Another patient profile under an existing account.
    func anotherPatient(of account: String, name: String = "李四") async throws -> String {
        try await PatientProfiles(database: db, clock: clock)
            .create(accountId: account, PatientProfileFields(name: name, gender: "female", birthDate: "1992-02-02")).id
    }

    /// A session on 2026-12-10 (released 2026-12-03 08:00) unless told otherwise; returns it with its slots.
    func session(
        doctor: String = "doc_pediatrics_1", date: String = "2026-12-10", period: Period = .morning,
        start: String = "08:00", end: String = "12:00", slotMinutes: Int = 30, capacity: Int = 5,
        releaseAt: Date? = nil
    ) async throws -> (session: DoctorSession, slots: [Slot]) {
        let session = try await registration.createSession(
            SessionPlan(
                doctorId: doctor, date: date, period: period, start: start, end: end, slotMinutes: slotMinutes,
                capacityPerSlot: capacity, feeCents: 2000, releaseAt: releaseAt))
        let slots = try await db.sql.raw("SELECT id FROM slots WHERE session_id = \(bind: session.id) ORDER BY starts_at").all()
        var result: [Slot] = []
        for row in slots { result.append(try await registration.slot(id: try row.decode(column: "id", as: String.self))) }
        return (session, result)
    }

    /// After the release of the default session.
    func afterRelease() { at("2026-12-05", "09:00") }

    /// For each slot: is `booked` equal to the number of active appointments in it?
    func placesAreConsistent() async throws -> Bool {
        let rows = try await db.sql.raw(
            """
            SELECT s.id, s.booked, (SELECT COUNT(*) FROM appointments a WHERE a.slot_id = s.id AND a.status IN ('booked', 'checked_in', 'called')) AS active
            FROM slots s
            """
        ).all()
        return try rows.allSatisfy { try $0.decode(column: "booked", as: Int.self) == $0.decode(column: "active", as: Int.self) }
    }
}
