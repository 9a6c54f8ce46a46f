import Clinical
import Foundation
import SQLKit
import Storage

/// Doctor sessions generated from each hospital's weekly schedule (`HospitalSettings.schedule`): every doctor a
/// template selects holds that half-day clinic on its weekdays, except on the hospital's closures and in the emergency
/// department (it sees patients as they come). Sessions already there are left alone, so generating again is harmless.
public enum ClinicSchedule {
    /// Creates the sessions missing from today (in each hospital's time zone) for each hospital's `daysAhead`; returns
    /// how many it created.
    @discardableResult
    public static func seedFromToday(into database: Database, clock: any NowProvider = SystemClock()) async throws -> Int {
        let now = clock.now()
        return try await seed(Registration(database: database, clock: clock)) { $0.date(of: now) }
    }

    /// Creates the sessions missing from `today` on, in every hospital; returns how many it created.
    @discardableResult
    public static func seed(_ registration: Registration, from today: String) async throws -> Int {
        try await seed(registration) { _ in today }
    }

    private static func seed(_ registration: Registration, today: (HospitalCalendar) -> String) async throws -> Int {
        let directory = Directory(database: registration.database)
        let store = HospitalSettingsStore(database: registration.database)
        let emergency = Set(ClinicalKnowledge.shipped.specialties.values.filter { $0.forEmergency == true }.map(\.id))
        var created = 0
        for hospital in try await directory.hospitals() {
            let calendar = try await registration.calendar(forHospital: hospital.id)
            let today = today(calendar)
            let existing = Set(
                try await registration.database.sql.raw(
                    """
                    SELECT s.doctor_id, s.date, s.period FROM doctor_sessions s JOIN departments d ON d.id = s.department_id
                    WHERE s.date >= \(bind: today) AND d.hospital_id = \(bind: hospital.id)
                    """
                ).all().map {
                    "\(try $0.decode(column: "doctor_id", as: String.self))|\(try $0.decode(column: "date", as: String.self))|"
                        + (try $0.decode(column: "period", as: String.self))
                })
            guard let schedule = try await store.load(hospitalId: hospital.id)?.schedule else { continue }
            // The emergency department sees patients as they come: its doctors get no booked sessions.
            let booked = Set(try await directory.departments(hospitalId: hospital.id).filter { emergency.isDisjoint(with: $0.specialties) }.map(\.id))
            let doctors = try await directory.doctors().filter { booked.contains($0.departmentId) }
            let closed = Set(schedule.closures ?? [])
            for offset in 0..<schedule.daysAhead {
                guard let date = calendar.adding(days: offset, to: today), !closed.contains(date),
                    let weekday = calendar.weekday(date)
                else { continue }
                for template in schedule.templates where template.weekdays.contains(weekday) {
                    for doctor in doctors where template.selects(doctor) && !existing.contains("\(doctor.id)|\(date)|\(template.period)") {
                        let fee = schedule.feesByTitle?[doctor.title] ?? schedule.defaultFee
                        _ = try await registration.createSession(
                            SessionPlan(
                                doctorId: doctor.id, date: date, period: Period(rawValue: template.period) ?? .morning, start: template.start,
                                end: template.end, slotMinutes: template.slotMinutes, capacityPerSlot: template.capacityPerSlot,
                                feeCents: Int((fee * 100).rounded())))
                        created += 1
                    }
                }
            }
        }
        return created
    }
}
