import Foundation
import SQLKit
import Storage
import Wording

extension Registration {
    /// Check-in (签到) on the day of the visit, from the hospital's `checkInOpensBefore` the session start until the session
    /// ends. Queue numbers follow check-in order; a patient arriving after their slot has ended goes to the back.
    public func checkIn(appointmentId: String, accountId: String) async throws -> (Appointment, QueueStatus) {
        let now = clock.now()
        let caller = Caller.patient(accountId: accountId)
        return try await database.transaction { db in
            let appointment = try await appointmentRow(appointmentId, visibleTo: caller, on: db)
            try await lock(["session:\(appointment.sessionId)"], on: db)
            let current = try await appointmentRow(appointmentId, visibleTo: caller, on: db)
            let session = try await session(current.sessionId, on: db)
            guard current.status == .booked else {
                if current.status == .checkedIn { return (current, try await queue(of: current, session: session, on: db)) }
                throw SchedulingError.invalidState(.notBookedToCheckIn)
            }
            guard try await calendar(forDepartment: current.departmentId, on: db).date(of: now) == current.date else {
                throw SchedulingError.checkInClosed(.notToday)
            }
            let opensBefore = try await rules(forDepartment: current.departmentId, on: db).checkInOpensBefore
            guard now >= session.startsAt.addingTimeInterval(-opensBefore) else {
                throw SchedulingError.checkInClosed(.notYet(minutesBefore: Int(opensBefore / 60)))
            }
            guard now < session.endsAt else { throw SchedulingError.checkInClosed(.ended) }
            let number = try await db.raw(
                """
                UPDATE doctor_sessions SET last_queue_number = last_queue_number + 1 WHERE id = \(bind: session.id) RETURNING last_queue_number
                """
            ).first()!.decode(column: "last_queue_number", as: Int.self)
            let late = now > current.endsAt
            try await db.raw(
                """
                UPDATE appointments SET queue_number = \(bind: number), late = \(bind: late ? 1 : 0), checked_in_at = \(bind: Clock.millis(now))
                WHERE id = \(bind: current.id)
                """
            ).run()
            try await setStatus(current, to: .checkedIn, by: caller.historyName, note: late ? "late arrival" : nil, at: now, on: db)
            let updated = try await appointmentRow(appointmentId, visibleTo: caller, on: db)
            return (updated, try await queue(of: updated, session: session, on: db))
        }
    }

    /// Where a checked-in appointment stands in its session's queue.
    public func queueStatus(appointmentId: String, accountId: String) async throws -> QueueStatus {
        let appointment = try await appointment(id: appointmentId, for: .patient(accountId: accountId))
        guard appointment.status == .checkedIn || appointment.status == .called else {
            throw SchedulingError.invalidState(.notCheckedIn)
        }
        let session = try await session(appointment.sessionId, on: database.sql)
        return try await queue(of: appointment, session: session, on: database.sql)
    }

    func queue(of appointment: Appointment, session: DoctorSession, on db: any SQLDatabase) async throws -> QueueStatus {
        let number = appointment.queueNumber ?? 0
        let late = appointment.late ? 1 : 0
        let ahead =
            appointment.status == .called
            ? 0
            : try await db.raw(
                """
                SELECT COUNT(*) AS n FROM appointments WHERE session_id = \(bind: session.id) AND status = 'checked_in'
                  AND (late < \(bind: late) OR (late = \(bind: late) AND queue_number < \(bind: number)))
                """
            ).first()!.decode(column: "n", as: Int.self)
        let minutesPerPatient = max(1, session.slotMinutes / max(1, session.capacityPerSlot))
        return QueueStatus(queueNumber: number, ahead: ahead, nowCalling: session.nowCalling, estimatedWaitMinutes: ahead * minutesPerPatient)
    }

    /// The doctor calls the next checked-in patient (叫号): the one being seen is done, the next is called and told.
    public func callNext(sessionId: String, by caller: Caller) async throws -> Appointment {
        let now = clock.now()
        return try await database.transaction { db in
            try await lock(["session:\(sessionId)"], on: db)
            let session = try await session(sessionId, on: db)
            try requireSessionStaff(session, caller)
            guard session.status == .open else { throw SchedulingError.sessionClosed }
            let called = try await db.raw("SELECT * FROM appointments WHERE session_id = \(bind: sessionId) AND status = 'called'")
                .all().map(SchedulingRows.appointment)
            for appointment in called {
                try await setStatus(appointment, to: .completed, by: caller.historyName, at: now, on: db)
            }
            guard
                let row = try await db.raw(
                    """
                    SELECT * FROM appointments WHERE session_id = \(bind: sessionId) AND status = 'checked_in'
                    ORDER BY late, queue_number LIMIT 1
                    """
                ).first()
            else { throw SchedulingError.queueEmpty }
            let next = try SchedulingRows.appointment(row)
            try await setStatus(next, to: .called, by: caller.historyName, at: now, on: db)
            try await db.raw("UPDATE doctor_sessions SET now_calling = \(bind: next.queueNumber) WHERE id = \(bind: sessionId)").run()
            let room = try await directory.department(id: session.departmentId).location
            try await notify(
                account: next.accountId, patient: next.patientId, kind: "queue_call", title: Self.noticeTitle("queue_call"),
                body: Self.notice("queue_call", ["number": "\(next.queueNumber ?? 0)", "whereabouts": room.whereabouts]),
                appointment: next.id, at: now, on: db)
            return try SchedulingRows.appointment(try await db.raw("SELECT * FROM appointments WHERE id = \(bind: next.id)").first()!)
        }
    }

    /// After a session has ended, marks the appointments nobody came for as no-shows (爽约); returns how many.
    public func markNoShows(sessionId: String, by caller: Caller) async throws -> Int {
        let now = clock.now()
        return try await database.transaction { db in
            let session = try await session(sessionId, on: db)
            try requireSessionStaff(session, caller)
            guard now >= session.endsAt else { throw SchedulingError.invalidState(.sessionNotEnded) }
            let missed = try await db.raw("SELECT * FROM appointments WHERE session_id = \(bind: sessionId) AND status = 'booked'")
                .all().map(SchedulingRows.appointment)
            for appointment in missed {
                try await setStatus(appointment, to: .noShow, by: caller.historyName, at: now, on: db)
            }
            return missed.count
        }
    }

    func requireSessionStaff(_ session: DoctorSession, _ caller: Caller) throws {
        switch caller {
        case .admin: return
        case .doctor(_, let doctorId) where doctorId == session.doctorId: return
        default: throw NotFound("session")
        }
    }
}
