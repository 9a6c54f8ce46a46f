import Foundation
import SQLKit
import Storage
import Wording

/// What an administrator sends to open a doctor's session.
public struct SessionPlan: Sendable {
    public var doctorId: String
    public var date: String
    public var period: Period
    /// `HH:mm` in the hospital's time zone.
    public var start: String
    public var end: String
    public var slotMinutes: Int
    public var capacityPerSlot: Int
    public var feeCents: Int
    /// Default: the hospital's `releaseDaysAhead` before the date at its `releaseTime` (7 days, 08:00 unless it says).
    public var releaseAt: Date?

    public init(
        doctorId: String, date: String, period: Period, start: String, end: String, slotMinutes: Int,
        capacityPerSlot: Int, feeCents: Int, releaseAt: Date? = nil
    ) {
        self.doctorId = doctorId
        self.date = date
        self.period = period
        self.start = start
        self.end = end
        self.slotMinutes = slotMinutes
        self.capacityPerSlot = capacityPerSlot
        self.feeCents = feeCents
        self.releaseAt = releaseAt
    }
}

extension Registration {
    /// Opens a session and cuts it into slots.
    public func createSession(_ plan: SessionPlan) async throws -> DoctorSession {
        var v = Validator()
        // The doctor's hospital's clock; an unknown doctor is refused below, after the plan's own checks.
        var calendar = self.calendar
        if let departmentId = try? await directory.doctor(id: plan.doctorId).departmentId {
            calendar = try await self.calendar(forDepartment: departmentId)
        }
        let startsAt = calendar.instant(date: plan.date, time: plan.start)
        let endsAt = calendar.instant(date: plan.date, time: plan.end)
        v.check(CalendarDate(plan.date) != nil, "date", "must be a date YYYY-MM-DD")
        v.check(startsAt != nil, "start", "must be a time HH:mm")
        v.check(endsAt != nil, "end", "must be a time HH:mm")
        if let startsAt, let endsAt { v.check(endsAt > startsAt, "end", "must be after start") }
        v.check((5...240).contains(plan.slotMinutes), "slotMinutes", "5–240")
        v.check((1...100).contains(plan.capacityPerSlot), "capacityPerSlot", "1–100")
        v.check((0...10_000_000).contains(plan.feeCents), "fee", "0–100000 yuan")
        try v.throwIfFailed()
        guard let startsAt, let endsAt else { throw ValidationFailed([]) }
        let slotCount = Int(endsAt.timeIntervalSince(startsAt)) / (plan.slotMinutes * 60)
        guard slotCount >= 1, slotCount <= 100 else {
            throw ValidationFailed([FieldError("slotMinutes", "the session must hold 1–100 slots")])
        }
        let doctor = try await directory.doctor(id: plan.doctorId)
        let department = try await directory.department(id: doctor.departmentId)
        let release = try await rules(forDepartment: department.id, on: database.sql)
        let releaseAt =
            plan.releaseAt
            ?? calendar.adding(days: -release.releaseDaysAhead, to: plan.date).flatMap { calendar.instant(date: $0, time: release.releaseTime) }
            ?? startsAt
        let id = Identifier.make("ses")
        let now = clock.now()
        let created: Bool = try await database.transaction { db in
            let clash = try await db.raw(
                """
                SELECT id FROM doctor_sessions WHERE doctor_id = \(bind: doctor.id) AND date = \(bind: plan.date)
                AND period = \(bind: plan.period.rawValue)
                """
            ).first()
            guard clash == nil else { return false }
            try await db.raw(
                """
                INSERT INTO doctor_sessions (id, hospital_id, doctor_id, department_id, date, period, starts_at, ends_at, slot_minutes,
                    capacity_per_slot, fee_cents, release_at, status, created_at)
                VALUES (\(bind: id), \(bind: department.hospitalId), \(bind: doctor.id), \(bind: department.id), \(bind: plan.date),
                    \(bind: plan.period.rawValue), \(bind: Clock.millis(startsAt)), \(bind: Clock.millis(endsAt)), \(bind: plan.slotMinutes),
                    \(bind: plan.capacityPerSlot), \(bind: plan.feeCents), \(bind: Clock.millis(releaseAt)), 'open', \(bind: Clock.millis(now)))
                """
            ).run()
            for index in 0..<slotCount {
                let slotStart = startsAt.addingTimeInterval(Double(index * plan.slotMinutes * 60))
                try await db.raw(
                    """
                    INSERT INTO slots (id, session_id, doctor_id, department_id, date, period, starts_at, ends_at, capacity, booked)
                    VALUES (\(bind: Identifier.make("slot")), \(bind: id), \(bind: doctor.id), \(bind: department.id), \(bind: plan.date),
                        \(bind: plan.period.rawValue), \(bind: Clock.millis(slotStart)),
                        \(bind: Clock.millis(slotStart.addingTimeInterval(Double(plan.slotMinutes * 60)))), \(bind: plan.capacityPerSlot), 0)
                    """
                ).run()
            }
            return true
        }
        guard created else { throw SchedulingError.invalidSession(.doctorAlreadyHasSession) }
        return try await database.transaction { db in try await session(id, on: db) }
    }

    /// Stops a session (停诊): its appointments are cancelled with the reason and the patients told, holds are
    /// released and the waitlist for it is cleared.
    public func closeSession(_ id: String, reason: String, by caller: Caller) async throws -> DoctorSession {
        let reasonText = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reasonText.isEmpty, reasonText.count <= 200 else { throw ValidationFailed([FieldError("reason", "1–200 characters")]) }
        let now = clock.now()
        return try await database.transaction { db in
            try await lock(["session:\(id)"], on: db)
            let session = try await session(id, on: db)
            guard session.status == .open else { throw SchedulingError.invalidState(.sessionAlreadyClosed) }
            let slotIds = try await db.raw("SELECT id FROM slots WHERE session_id = \(bind: id)").all()
                .map { try $0.decode(column: "id", as: String.self) }
            try await lock(slotIds.map { "slot:\($0)" }, on: db)
            try await db.raw(
                """
                UPDATE doctor_sessions SET status = 'closed', close_reason = \(bind: reasonText) WHERE id = \(bind: id)
                """
            ).run()
            let affected = try await db.raw(
                """
                SELECT * FROM appointments WHERE session_id = \(bind: id) AND status IN ('booked', 'checked_in', 'called')
                """
            ).all().map(SchedulingRows.appointment)
            for appointment in affected {
                try await setStatus(appointment, to: .cancelled, by: caller.historyName, note: "停诊：\(reasonText)", at: now, on: db)
                let cancelReason = try database.seal("session_closed: " + reasonText, .appointment)
                try await db.raw("UPDATE appointments SET cancel_reason = \(bind: cancelReason) WHERE id = \(bind: appointment.id)").run()
                try await notify(
                    account: appointment.accountId, patient: appointment.patientId, kind: "session_closed",
                    title: Self.noticeTitle("session_closed"),
                    body: Self.notice("session_closed", ["date": appointment.date, "reason": reasonText]),
                    appointment: appointment.id, at: now, on: db)
            }
            try await db.raw("UPDATE slots SET booked = 0 WHERE session_id = \(bind: id)").run()
            try await db.raw(
                """
                UPDATE holds SET status = 'released' WHERE status = 'active' AND slot_id IN (SELECT id FROM slots WHERE session_id = \(bind: id))
                """
            ).run()
            let waiting = try await db.raw(
                """
                SELECT * FROM waitlist WHERE department_id = \(bind: session.departmentId) AND date = \(bind: session.date)
                AND period = \(bind: session.period.rawValue) AND (doctor_id = \(bind: session.doctorId))
                AND status IN ('waiting', 'offered')
                """
            ).all().map(SchedulingRows.waitlist)
            for entry in waiting {
                try await db.raw("UPDATE waitlist SET status = 'cancelled' WHERE id = \(bind: entry.id)").run()
                try await notify(
                    account: entry.accountId, patient: entry.patientId, kind: "session_closed", title: Self.noticeTitle("waitlist_cancelled"),
                    body: Self.notice("waitlist_cancelled", ["date": session.date]), at: now, on: db)
            }
            return try await self.session(id, on: db)
        }
    }
}
