import Clinical
import Foundation
import SQLKit
import Storage

/// Doctor sessions for the demo hospital: every doctor outside the emergency department holds a half-day clinic on
/// weekdays (senior doctors in the morning, the others in the afternoon) and the chief physicians on Saturday
/// morning; 30-minute slots with 3 places each, released 7 days ahead at 08:00 hospital time.
public enum DemoSchedule {
    /// Creates the sessions missing for the next `days` days from today in the hospital's time zone.
    @discardableResult
    public static func seedFromToday(into database: Database, clock: any NowProvider = SystemClock(), days: Int = 14) async throws -> Int {
        try await seed(Registration(database: database, clock: clock), from: HospitalCalendar.shanghai.date(of: clock.now()), days: days)
    }

    /// Creates the sessions missing from `today` for `days` days; returns how many it created.
    @discardableResult
    public static func seed(_ registration: Registration, from today: String, days: Int = 14) async throws -> Int {
        let directory = Directory(database: registration.database)
        // The emergency department sees patients as they come: its doctors get no booked sessions.
        let emergency = Set(ClinicalKnowledge.shipped.specialties.values.filter { $0.forEmergency == true }.map(\.id))
        let walkIn = Set(try await directory.departments().filter { !emergency.isDisjoint(with: $0.specialties) }.map(\.id))
        let doctors = try await directory.doctors().filter { !walkIn.contains($0.departmentId) }
        var rankInDepartment: [String: Int] = [:]
        for (departmentId, staff) in Dictionary(grouping: doctors, by: \.departmentId) {
            for (rank, doctor) in staff.enumerated() { rankInDepartment[doctor.id] = rank }
        }
        let existing = Set(try await registration.database.sql.raw("""
            SELECT doctor_id, date, period FROM doctor_sessions WHERE date >= \(bind: today)
            """).all().map { "\(try $0.decode(column: "doctor_id", as: String.self))|\(try $0.decode(column: "date", as: String.self))|\(try $0.decode(column: "period", as: String.self))" })
        var created = 0
        for offset in 0..<days {
            guard let date = registration.calendar.adding(days: offset, to: today),
                  let weekday = registration.calendar.weekday(date) else { continue }
            for doctor in doctors {
                let rank = (rankInDepartment[doctor.id] ?? 0) + 1
                guard weekday <= 5 || (weekday == 6 && rank == 1) else { continue }
                let morning = rank % 2 == 1
                let plan = SessionPlan(
                    doctorId: doctor.id, date: date, period: morning ? .morning : .afternoon,
                    start: morning ? "08:00" : "13:30", end: morning ? "12:00" : "17:00",
                    slotMinutes: 30, capacityPerSlot: 3, feeCents: fee(rank: rank)
                )
                guard !existing.contains("\(doctor.id)|\(date)|\(plan.period.rawValue)") else { continue }
                _ = try await registration.createSession(plan)
                created += 1
            }
        }
        return created
    }

    /// 主任医师 50 yuan, 副主任医师 30, 主治医师 20, 住院医师 10.
    static func fee(rank: Int) -> Int {
        [5000, 3000, 2000, 1000][min(max(rank - 1, 0), 3)]
    }
}
