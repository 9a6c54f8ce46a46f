import Foundation
import SQLKit
import Storage
import Wording

extension Registration {
    /// Reserves a place for `rules.holdDuration`. Asking again for the same patient and slot returns the same hold.
    public func hold(slotId: String, patientId: String, accountId: String) async throws -> Hold {
        let now = clock.now()
        if let existing = try await liveHold(slotId: slotId, patientId: patientId, accountId: accountId, now: now, on: database.sql) {
            return existing
        }
        if let refusal = slotRefusals.refusal(forSlot: slotId, now: now) { throw refusal }
        return try await database.transaction { db in
            try await lock(["account:\(accountId)", "patient:\(patientId)", "slot:\(slotId)"], on: db)
            try await expireHolds(slot: slotId, now: now, on: db)
            if let existing = try await liveHold(slotId: slotId, patientId: patientId, accountId: accountId, now: now, on: db) {
                return existing
            }
            try await countChange(accountId: accountId, now: now, on: db)
            let slot = try await slot(slotId, now: now, on: db)
            try await checkBookable(slot, patientId: patientId, accountId: accountId, ignoring: nil, countingToday: false, now: now, on: db)
            guard slot.remaining > 0 else { throw SchedulingError.slotFull }
            try await releaseEarlierHolds(patientId: patientId, accountId: accountId, now: now, on: db)
            try await checkHoldLimit(accountId: accountId, now: now, on: db)
            return try await insertHold(
                slot: slotId, patient: patientId, account: accountId, until: now.addingTimeInterval(rules.holdDuration),
                waitlist: nil, now: now, on: db)
        }
    }

    /// A patient holds one place at a time: choosing another time gives the earlier place back (a waitlist offer
    /// is kept: it was given, not taken). The place returns as an expired hold's does; it is not offered to the
    /// waitlist here, since its slot is not among the locks this transaction holds.
    func releaseEarlierHolds(patientId: String, accountId: String, now: Date, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE holds SET status = 'released' WHERE patient_id = \(bind: patientId) AND account_id = \(bind: accountId)
              AND status = 'active' AND expires_at > \(bind: Clock.millis(now)) AND waitlist_id IS NULL
            """
        ).run()
    }

    /// Counts a hold or move of the account in its own transaction (a refused one rolls its count back), or refuses it
    /// past `rules.holdsAndMovesPerMinute`. Direct bookings are not counted: the daily limit caps them harder (every
    /// booking made today counts, whatever became of it).
    func countChange(accountId: String, now: Date, on db: any SQLDatabase) async throws {
        let limit = RateLimiter.Limit(scope: "booking_changes", perWindow: rules.holdsAndMovesPerMinute)
        guard let retryAfter = try await RateLimiter.admit(accountId, under: limit, now: now, on: db) else { return }
        throw SchedulingError.tooManyChanges(limit: limit.perWindow, retryAfter: retryAfter)
    }

    /// Refuses a hold past the account's limit of live holds, saying when the first of them runs out.
    func checkHoldLimit(accountId: String, now: Date, on db: any SQLDatabase) async throws {
        let live = try await db.raw(
            """
            SELECT expires_at FROM holds WHERE account_id = \(bind: accountId) AND status = 'active'
              AND expires_at > \(bind: Clock.millis(now)) AND waitlist_id IS NULL
            """
        ).all().map { try SchedulingRows.date($0, "expires_at") }
        guard live.count >= rules.liveHoldsPerAccount, let first = live.min() else { return }
        throw SchedulingError.tooManyHolds(limit: rules.liveHoldsPerAccount, retryAfter: Clock.secondsUntil(first, from: now))
    }

    /// The patient's hold on the slot that is still running, if any.
    func liveHold(slotId: String, patientId: String, accountId: String, now: Date, on db: any SQLDatabase) async throws -> Hold? {
        try await db.raw(
            """
            SELECT id, expires_at FROM holds WHERE slot_id = \(bind: slotId) AND patient_id = \(bind: patientId)
              AND account_id = \(bind: accountId) AND status = 'active' AND expires_at > \(bind: Clock.millis(now))
            """
        ).first().map {
            Hold(
                id: try $0.decode(column: "id", as: String.self), slotId: slotId, patientId: patientId,
                expiresAt: try SchedulingRows.date($0, "expires_at"))
        }
    }

    func insertHold(
        slot: String, patient: String, account: String, until: Date, waitlist: String?, now: Date,
        on db: any SQLDatabase
    ) async throws -> Hold {
        let hold = Hold(id: Identifier.make("hold"), slotId: slot, patientId: patient, expiresAt: until)
        try await db.raw(
            """
            INSERT INTO holds (id, slot_id, patient_id, account_id, status, expires_at, waitlist_id, created_at)
            VALUES (\(bind: hold.id), \(bind: slot), \(bind: patient), \(bind: account), 'active', \(bind: Clock.millis(until)),
                    \(bind: waitlist), \(bind: Clock.millis(now)))
            """
        ).run()
        return hold
    }

    /// What to book: a slot directly, or a place already held.
    public enum BookingSource: Sendable {
        case slot(String)
        case hold(String)
    }

    /// Books an appointment, checking every registration rule.
    public func book(_ source: BookingSource, patientId: String, accountId: String, reason: String?) async throws -> Appointment {
        if let reason, reason.count > 500 { throw ValidationFailed([FieldError("reason", "at most 500 characters")]) }
        let now = clock.now()
        let actor = Caller.patient(accountId: accountId).historyName
        if case .slot(let slotId) = source, let refusal = slotRefusals.refusal(forSlot: slotId, now: now) { throw refusal }
        let (appointment, terms, tookLastPlace) = try await database.transaction { db in
            let slotId: String
            var holdId: String?
            switch source {
            case .slot(let id): slotId = id
            case .hold(let id):
                guard
                    let row = try await db.raw(
                        """
                        SELECT slot_id, patient_id FROM holds WHERE id = \(bind: id) AND account_id = \(bind: accountId)
                        """
                    ).first()
                else { throw NotFound("hold") }
                guard try row.decode(column: "patient_id", as: String.self) == patientId else {
                    throw ValidationFailed([FieldError("patientId", "the hold is for another patient")])
                }
                slotId = try row.decode(column: "slot_id", as: String.self)
                holdId = id
            }
            try await lock(["account:\(accountId)", "patient:\(patientId)", "slot:\(slotId)"], on: db)
            if let holdId {
                let live = try await db.raw(
                    """
                    SELECT id FROM holds WHERE id = \(bind: holdId) AND status = 'active' AND expires_at > \(bind: Clock.millis(now))
                    """
                ).first()
                guard live != nil else { throw SchedulingError.holdExpired }
                // The hold's place becomes the appointment's place.
                try await db.raw("UPDATE holds SET status = 'used' WHERE id = \(bind: holdId)").run()
                try await db.raw("UPDATE waitlist SET status = 'fulfilled' WHERE hold_id = \(bind: holdId)").run()
            }
            let slot = try await slot(slotId, now: now, on: db)
            try await checkBookable(slot, patientId: patientId, accountId: accountId, ignoring: nil, countingToday: true, now: now, on: db)
            guard slot.remaining > 0 else { throw SchedulingError.slotFull }
            let appointment = try await insertAppointment(
                slot: slot, patientId: patientId, accountId: accountId, reason: reason,
                actor: actor, now: now, on: db)
            try await notify(
                account: accountId, patient: patientId, kind: "booking_confirmed", title: Self.noticeTitle("booking_confirmed"),
                body: Self.notice(
                    "booking_confirmed",
                    ["date": slot.date, "time": try await calendar(forDepartment: slot.departmentId, on: db).clockTime(slot.startsAt)]),
                appointment: appointment.id, at: now, on: db)
            return (appointment, SessionTerms(period: slot.period, feeCents: slot.feeCents), slot.booked + 1 >= slot.capacity)
        }
        sessionTerms.remember(terms, for: appointment.sessionId)
        if tookLastPlace { slotRefusals.filled(slot: appointment.slotId, at: now) }
        return appointment
    }

    /// Takes a place in the slot (the conditional update is the last guard against overbooking) and writes the
    /// appointment with its first history row.
    func insertAppointment(
        slot: Slot, patientId: String, accountId: String, reason: String?, actor: String, now: Date,
        on db: any SQLDatabase
    ) async throws -> Appointment {
        let taken = try await db.raw(
            """
            UPDATE slots SET booked = booked + 1 WHERE id = \(bind: slot.id) AND booked < capacity RETURNING id
            """
        ).first()
        guard taken != nil else { throw SchedulingError.slotFull }
        let id = Identifier.make("apt")
        do {
            try await db.raw(
                """
                INSERT INTO appointments (id, slot_id, session_id, patient_id, account_id, doctor_id, department_id, date, starts_at, ends_at,
                    status, reason, created_at, updated_at)
                VALUES (\(bind: id), \(bind: slot.id), \(bind: slot.sessionId), \(bind: patientId), \(bind: accountId), \(bind: slot.doctorId),
                    \(bind: slot.departmentId), \(bind: slot.date), \(bind: Clock.millis(slot.startsAt)), \(bind: Clock.millis(slot.endsAt)),
                    'booked', \(bind: try database.seal(reason, .appointment)), \(bind: Clock.millis(now)), \(bind: Clock.millis(now)))
                """
            ).run()
        } catch
            where ConstraintViolation.isUnique(
                error, index: "appointments_one_per_department_day",
                columns: ["appointments.patient_id", "appointments.department_id", "appointments.date"])
        {
            throw SchedulingError.duplicateBooking
        }
        try await recordChange(id, by: actor, from: nil, to: Appointment.Status.booked.rawValue, at: now, on: db)
        return Appointment(
            id: id, slotId: slot.id, sessionId: slot.sessionId, patientId: patientId, accountId: accountId,
            doctorId: slot.doctorId, departmentId: slot.departmentId, date: slot.date, startsAt: slot.startsAt,
            endsAt: slot.endsAt, status: .booked, reason: reason, queueNumber: nil, late: false, cancelReason: nil,
            createdAt: Clock.date(millis: Clock.millis(now)))
    }

    /// The rules a slot and a patient must meet to book: released, not past, session open, not fully booked (what
    /// refuses everyone is remembered, see `SlotRefusals`), the patient belongs to the account, no ban, no duplicate,
    /// and (for new bookings) the account's daily cap. One query reads every count, because inside the write
    /// transaction each round trip holds up every other booking.
    func checkBookable(
        _ slot: Slot, patientId: String, accountId: String, ignoring appointmentId: String?,
        countingToday: Bool, now: Date, on db: any SQLDatabase
    ) async throws {
        if let refusal = slotRefusals.refusal(observing: slot, now: now) { throw refusal }
        let rules = try await rules(forDepartment: slot.departmentId, on: db)
        // The account's day is the day of the hospital it books at.
        let calendar = try await calendar(forDepartment: slot.departmentId, on: db)
        let today = calendar.date(of: now)
        let dayStart = calendar.startOfDay(today).map(Clock.millis) ?? 0
        let dayEnd = calendar.adding(days: 1, to: today).flatMap(calendar.startOfDay).map(Clock.millis) ?? 0
        let since = Clock.millis(now.addingTimeInterval(-rules.noShowWindow))
        let row = try await db.raw(
            """
            SELECT
              (SELECT COUNT(*) FROM patients WHERE id = \(bind: patientId) AND account_id = \(bind: accountId)) AS owned,
              (SELECT COUNT(*) FROM appointments WHERE patient_id = \(bind: patientId) AND status IN ('booked', 'checked_in', 'called')
                 AND id <> \(bind: appointmentId ?? "")
                 AND starts_at < \(bind: Clock.millis(slot.endsAt)) AND ends_at > \(bind: Clock.millis(slot.startsAt))) AS clashes,
              (SELECT COUNT(*) FROM appointments WHERE patient_id = \(bind: patientId) AND status IN ('booked', 'checked_in', 'called')
                 AND id <> \(bind: appointmentId ?? "")
                 AND department_id = \(bind: slot.departmentId) AND date = \(bind: slot.date)) AS same_department_day,
              (SELECT COUNT(*) FROM appointments WHERE account_id = \(bind: accountId)
                 AND created_at >= \(bind: dayStart) AND created_at < \(bind: dayEnd)) AS today,
              (SELECT COUNT(*) FROM appointments WHERE patient_id = \(bind: patientId) AND status = 'no_show' AND ends_at > \(bind: since)) AS no_shows,
              (SELECT MAX(ends_at) FROM appointments WHERE patient_id = \(bind: patientId) AND status = 'no_show' AND ends_at > \(bind: since)) AS last_no_show
            """
        ).first()!
        guard try row.decode(column: "owned", as: Int.self) > 0 else { throw NotFound("patient") }
        if try row.decode(column: "no_shows", as: Int.self) >= rules.noShowLimit,
            let last = try row.decode(column: "last_no_show", as: Int64?.self)
        {
            let until = Clock.date(millis: last).addingTimeInterval(rules.banDuration)
            if until > now { throw SchedulingError.bookingBanned(until: until) }
        }
        guard try row.decode(column: "clashes", as: Int.self) == 0,
            try row.decode(column: "same_department_day", as: Int.self) < rules.bookingsPerDepartmentPerDay
        else { throw SchedulingError.duplicateBooking }
        if countingToday, try row.decode(column: "today", as: Int.self) >= rules.dailyLimitPerAccount {
            throw SchedulingError.dailyLimit(limit: rules.dailyLimitPerAccount)
        }
    }

    /// Cancels (退号). Patients may cancel until the cut-off; administrators at any time before the visit.
    public func cancel(appointmentId: String, reason: String?, by caller: Caller) async throws -> Appointment {
        let now = clock.now()
        let cancelled = try await database.transaction { db in
            let appointment = try await appointmentRow(appointmentId, visibleTo: caller, on: db)
            if case .doctor = caller { throw NotFound("appointment") }
            try await lock(["slot:\(appointment.slotId)"], on: db)
            let current = try await appointmentRow(appointmentId, visibleTo: caller, on: db)
            guard current.status == .booked else { throw SchedulingError.invalidState(.notBookedToCancel) }
            if case .patient = caller {
                let cutoff = current.startsAt.addingTimeInterval(-(try await rules(forDepartment: current.departmentId, on: db).cancelCutoff))
                guard now <= cutoff else { throw SchedulingError.pastCutoff(cutoff: cutoff) }
            }
            try await setStatus(current, to: .cancelled, by: caller.historyName, note: reason, at: now, on: db)
            let sealedReason = try database.seal(reason, .appointment)
            try await db.raw("UPDATE appointments SET cancel_reason = \(bind: sealedReason) WHERE id = \(bind: current.id)").run()
            try await db.raw("UPDATE slots SET booked = booked - 1 WHERE id = \(bind: current.slotId)").run()
            try await notify(
                account: current.accountId, patient: current.patientId, kind: "appointment_cancelled",
                title: Self.noticeTitle("appointment_cancelled"),
                body: Self.notice(
                    "appointment_cancelled",
                    ["date": current.date, "time": try await calendar(forDepartment: current.departmentId, on: db).clockTime(current.startsAt)]),
                appointment: current.id,
                at: now, on: db)
            try await offerFreedPlace(slotId: current.slotId, now: now, on: db)
            return try await appointmentRow(appointmentId, visibleTo: caller, on: db)
        }
        slotRefusals.placeFreed(inSlot: cancelled.slotId)
        return cancelled
    }

    /// Moves an appointment to another slot in one transaction: the old place is freed only if the new one is taken.
    public func reschedule(appointmentId: String, to newSlotId: String, accountId: String) async throws -> Appointment {
        let now = clock.now()
        let caller = Caller.patient(accountId: accountId)
        let (moved, freedSlotId) = try await database.transaction { db in
            let before = try await appointmentRow(appointmentId, visibleTo: caller, on: db)
            try await lock(["account:\(accountId)", "patient:\(before.patientId)", "slot:\(before.slotId)", "slot:\(newSlotId)"], on: db)
            let current = try await appointmentRow(appointmentId, visibleTo: caller, on: db)
            guard current.status == .booked else { throw SchedulingError.invalidState(.notBookedToMove) }
            guard newSlotId != current.slotId else { throw SchedulingError.invalidState(.alreadyInThatSlot) }
            try await countChange(accountId: accountId, now: now, on: db)
            let cutoff = current.startsAt.addingTimeInterval(-(try await rules(forDepartment: current.departmentId, on: db).cancelCutoff))
            guard now <= cutoff else { throw SchedulingError.pastCutoff(cutoff: cutoff) }
            let target = try await slot(newSlotId, now: now, on: db)
            try await checkBookable(
                target, patientId: current.patientId, accountId: accountId, ignoring: current.id,
                countingToday: false, now: now, on: db)
            guard target.remaining > 0 else { throw SchedulingError.slotFull }
            let taken = try await db.raw(
                """
                UPDATE slots SET booked = booked + 1 WHERE id = \(bind: target.id) AND booked < capacity RETURNING id
                """
            ).first()
            guard taken != nil else { throw SchedulingError.slotFull }
            try await db.raw("UPDATE slots SET booked = booked - 1 WHERE id = \(bind: current.slotId)").run()
            try await db.raw(
                """
                UPDATE appointments SET slot_id = \(bind: target.id), session_id = \(bind: target.sessionId), doctor_id = \(bind: target.doctorId),
                    department_id = \(bind: target.departmentId), date = \(bind: target.date), starts_at = \(bind: Clock.millis(target.startsAt)),
                    ends_at = \(bind: Clock.millis(target.endsAt)), updated_at = \(bind: Clock.millis(now))
                WHERE id = \(bind: current.id)
                """
            ).run()
            let calendar = try await calendar(forDepartment: target.departmentId, on: db)
            try await recordChange(
                current.id, by: caller.historyName, from: current.status.rawValue, to: current.status.rawValue,
                note: "rescheduled \(current.date) \(calendar.clockTime(current.startsAt)) → \(target.date) \(calendar.clockTime(target.startsAt))",
                at: now, on: db)
            try await notify(
                account: accountId, patient: current.patientId, kind: "appointment_rescheduled", title: Self.noticeTitle("appointment_rescheduled"),
                body: Self.notice("appointment_rescheduled", ["date": target.date, "time": calendar.clockTime(target.startsAt)]),
                appointment: current.id, at: now, on: db)
            try await offerFreedPlace(slotId: current.slotId, now: now, on: db)
            return (try await appointmentRow(appointmentId, visibleTo: caller, on: db), current.slotId)
        }
        slotRefusals.placeFreed(inSlot: freedSlotId)
        return moved
    }

    /// Appointments the caller may see, soonest first.
    public func appointments(for caller: Caller, patientId: String? = nil, status: Appointment.Status? = nil, limit: Int = 50) async throws
        -> [Appointment]
    {
        let owner: SQLQueryString
        switch caller {
        case .patient(let accountId): owner = "account_id = \(bind: accountId)"
        case .doctor(_, let doctorId): owner = "doctor_id = \(bind: doctorId ?? "-")"
        case .admin: owner = "1 = 1"
        }
        return try await database.sql.raw(
            "SELECT * FROM appointments WHERE " + owner + """
                 AND (\(bind: patientId) IS NULL OR patient_id = \(bind: patientId ?? ""))
                 AND (\(bind: status?.rawValue) IS NULL OR status = \(bind: status?.rawValue ?? ""))
                 ORDER BY starts_at DESC, id LIMIT \(bind: max(1, min(limit, 100)))
                """
        ).all().map(SchedulingRows.appointment)
    }

    /// One appointment the caller may see.
    public func appointment(id: String, for caller: Caller) async throws -> Appointment {
        try await appointmentRow(id, visibleTo: caller, on: database.sql)
    }

    /// The appointment's history, oldest first.
    public func history(appointmentId: String, for caller: Caller) async throws -> [AppointmentChange] {
        _ = try await appointment(id: appointmentId, for: caller)
        return try await database.sql.raw(
            """
            SELECT * FROM appointment_history WHERE appointment_id = \(bind: appointmentId) ORDER BY seq
            """
        ).all().map {
            AppointmentChange(
                at: try SchedulingRows.date($0, "at"), actor: try $0.decode(column: "actor", as: String.self),
                from: try $0.decode(column: "from_status", as: String?.self),
                to: try $0.decode(column: "to_status", as: String.self),
                note: try Sealed.open(try $0.decode(column: "note", as: String?.self), .appointment))
        }
    }
}
