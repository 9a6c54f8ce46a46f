import Foundation
import SQLKit
import Storage
import Wording

extension Registration {
    /// Joins the waitlist for a doctor (or any doctor of a department) on a date and period.
    public func joinWaitlist(
        patientId: String, accountId: String, doctorId: String?, departmentId: String?, date: String,
        period: Period
    ) async throws -> WaitlistEntry {
        guard CalendarDate(date) != nil else { throw ValidationFailed([FieldError("date", "must be a date YYYY-MM-DD")]) }
        let department: String
        if let doctorId {
            department = try await directory.doctor(id: doctorId).departmentId
        } else if let departmentId {
            department = try await directory.department(id: departmentId).id
        } else {
            throw ValidationFailed([FieldError("doctorId", "give doctorId or departmentId")])
        }
        let now = clock.now()
        guard date >= (try await calendar(forDepartment: department)).date(of: now) else {
            throw ValidationFailed([FieldError("date", "must not be in the past")])
        }
        return try await database.transaction { db in
            try await requirePatient(patientId, of: accountId, on: db)
            try await lock(["patient:\(patientId)"], on: db)
            if let existing = try await db.raw(
                """
                SELECT * FROM waitlist WHERE patient_id = \(bind: patientId) AND department_id = \(bind: department) AND date = \(bind: date)
                  AND period = \(bind: period.rawValue) AND status IN ('waiting', 'offered')
                """
            ).first() {
                return try SchedulingRows.waitlist(existing)
            }
            let open =
                try await db.raw(
                    """
                    SELECT COUNT(*) AS n FROM waitlist WHERE patient_id = \(bind: patientId) AND status IN ('waiting', 'offered')
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            guard open < rules.waitlistEntriesPerPatient else { throw SchedulingError.waitlistLimit(limit: rules.waitlistEntriesPerPatient) }
            let id = Identifier.make("wl")
            try await db.raw(
                """
                INSERT INTO waitlist (id, patient_id, account_id, doctor_id, department_id, date, period, status, created_at)
                VALUES (\(bind: id), \(bind: patientId), \(bind: accountId), \(bind: doctorId), \(bind: department), \(bind: date),
                        \(bind: period.rawValue), 'waiting', \(bind: Clock.millis(now)))
                """
            ).run()
            return try SchedulingRows.waitlist(try await db.raw("SELECT * FROM waitlist WHERE id = \(bind: id)").first()!)
        }
    }

    /// Offers a freed place of the slot to the first waiting patient who may take it, as a hold plus a
    /// notification. Called with the slot locked, in the transaction that freed the place.
    func offerFreedPlace(slotId: String, now: Date, on db: any SQLDatabase) async throws {
        let slot = try await slot(slotId, now: now, on: db)
        guard slot.remaining > 0, slot.sessionOpen, now < slot.startsAt else { return }
        let candidates = try await db.raw(
            """
            SELECT * FROM waitlist WHERE department_id = \(bind: slot.departmentId) AND date = \(bind: slot.date)
              AND period = \(bind: slot.period.rawValue) AND status = 'waiting'
              AND (doctor_id IS NULL OR doctor_id = \(bind: slot.doctorId))
            ORDER BY created_at, id
            """
        ).all()
        for entry in try candidates.map(SchedulingRows.waitlist) {
            let account = entry.accountId
            do {
                try await checkBookable(
                    slot, patientId: entry.patientId, accountId: account, ignoring: nil,
                    countingToday: false, now: now, on: db)
            } catch is SchedulingError {
                continue
            }
            let hold = try await insertHold(
                slot: slot.id, patient: entry.patientId, account: account,
                until: now.addingTimeInterval(rules.waitlistOfferDuration), waitlist: entry.id, now: now, on: db)
            try await db.raw("UPDATE waitlist SET status = 'offered', hold_id = \(bind: hold.id) WHERE id = \(bind: entry.id)").run()
            try await notify(
                account: account, patient: entry.patientId, kind: "waitlist_offer", title: Self.noticeTitle("waitlist_offer"),
                body: Self.notice(
                    "waitlist_offer",
                    [
                        "date": slot.date, "time": try await calendar(forDepartment: slot.departmentId, on: db).clockTime(slot.startsAt),
                        "minutes": "\(Int(rules.waitlistOfferDuration / 60))",
                    ]),
                hold: hold.id, at: now, on: db)
            return
        }
    }

    /// Passes ignored waitlist offers on: an offer whose hold ran out is marked expired and the place goes to the
    /// next waiting patient. Correctness never depends on this running (expired holds stop counting by
    /// themselves); it only makes the next offer go out. Returns how many offers moved on.
    @discardableResult
    public func passOnExpiredOffers() async throws -> Int {
        let now = clock.now()
        let expired = try await database.sql.raw(
            """
            SELECT w.id AS waitlist_id, h.slot_id FROM waitlist w JOIN holds h ON h.id = w.hold_id
            WHERE w.status = 'offered' AND h.status = 'active' AND h.expires_at <= \(bind: Clock.millis(now))
            """
        ).all()
        for row in expired {
            let entryId = try row.decode(column: "waitlist_id", as: String.self)
            let slotId = try row.decode(column: "slot_id", as: String.self)
            try await database.transaction { db in
                try await lock(["slot:\(slotId)"], on: db)
                let still = try await db.raw("SELECT id FROM waitlist WHERE id = \(bind: entryId) AND status = 'offered'").first()
                guard still != nil else { return }
                try await db.raw("UPDATE waitlist SET status = 'expired' WHERE id = \(bind: entryId)").run()
                try await expireHolds(slot: slotId, now: now, on: db)
                try await offerFreedPlace(slotId: slotId, now: now, on: db)
            }
        }
        return expired.count
    }

    /// The account's notifications, newest first, at most `limit`; reminders for tomorrow's visits are added when first asked.
    public func notifications(accountId: String, limit: Int = 50) async throws -> [Notice] {
        let now = clock.now()
        // Tomorrow in each appointment's hospital: a day either side of the server's tomorrow covers every zone.
        let today = calendar.date(of: now)
        guard let from = calendar.adding(days: 0, to: today), let to = calendar.adding(days: 2, to: today) else { return [] }
        var due: [Appointment] = []
        for appointment in try await database.sql.raw(
            """
            SELECT * FROM appointments WHERE account_id = \(bind: accountId) AND status = 'booked'
              AND date >= \(bind: from) AND date <= \(bind: to)
            """
        ).all().map(SchedulingRows.appointment) {
            let hospital = try await calendar(forDepartment: appointment.departmentId)
            if appointment.date == hospital.adding(days: 1, to: hospital.date(of: now)) { due.append(appointment) }
        }
        if !due.isEmpty {
            try await database.transaction { [due] db in
                for appointment in due {
                    try await notify(
                        account: accountId, patient: appointment.patientId, kind: "reminder", title: Self.noticeTitle("reminder"),
                        body: Self.notice(
                            "reminder", ["time": try await calendar(forDepartment: appointment.departmentId, on: db).clockTime(appointment.startsAt)]),
                        appointment: appointment.id, dedupeKey: "reminder:\(appointment.id)", at: now, on: db)
                }
            }
        }
        return try await database.sql.raw(
            """
            SELECT * FROM notifications WHERE account_id = \(bind: accountId) ORDER BY created_at DESC, id LIMIT \(bind: max(1, limit))
            """
        ).all().map(SchedulingRows.notice)
    }
}
