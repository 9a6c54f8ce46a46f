import Foundation
import SQLKit
import Storage

/// What an account's departure took from registration.
public struct RegistrationDeparture: Sendable, Equatable {
    /// Booked appointments still to come that were cancelled, their places offered to the waitlist.
    public var cancelled: [Appointment] = []
    /// Appointments, holds, waitlist entries and notifications deleted.
    public var deletedRows = 0
    /// Slots that got a place back, for `departed(_:)` once the transaction has committed.
    public var freedSlots: Set<String> = []
}

extension Registration {
    /// Takes an account out of registration inside the caller's transaction (account deletion). Its booked
    /// appointments still to come are cancelled as an administrator would, whatever the cut-off, and each freed place
    /// is offered to the waitlist; then its holds, waitlist entries, appointments with their history and notifications
    /// are deleted. A visit under way (checked in or called) refuses it: the doctor is seeing the patient.
    public func depart(accountId: String, now: Date, on db: any SQLDatabase) async throws -> RegistrationDeparture {
        try await lock(["account:\(accountId)"], on: db)
        let appointments = try await db.raw("SELECT * FROM appointments WHERE account_id = \(bind: accountId)").all()
            .map(SchedulingRows.appointment)
        if appointments.contains(where: { $0.status == .checkedIn || $0.status == .called }) { throw SchedulingError.visitUnderWay }
        let toCancel = appointments.filter { $0.status == .booked && $0.startsAt > now }
        let heldSlots = try await db.raw(
            """
            SELECT slot_id FROM holds WHERE account_id = \(bind: accountId) AND status = 'active' AND expires_at > \(bind: Clock.millis(now))
            """
        ).all().map { try $0.decode(column: "slot_id", as: String.self) }
        var departure = RegistrationDeparture(freedSlots: Set(toCancel.map(\.slotId) + heldSlots))
        // Every key sorts after "account:", so taking them now keeps the one global order.
        try await lock(departure.freedSlots.map { "slot:\($0)" }, on: db)
        for appointment in toCancel {
            try await setStatus(appointment, to: .cancelled, by: "account_deleted", at: now, on: db)
            try await db.raw("UPDATE slots SET booked = booked - 1 WHERE id = \(bind: appointment.slotId)").run()
        }
        departure.cancelled = toCancel
        departure.deletedRows = try await deleteRows(of: accountId, on: db)
        for slotId in departure.freedSlots.sorted() { try await offerFreedPlace(slotId: slotId, now: now, on: db) }
        return departure
    }

    /// Every appointment of the account, soonest last (for the account's export; the API's lists stop at 100).
    public func allAppointments(accountId: String) async throws -> [Appointment] {
        try await database.sql.raw(
            """
            SELECT * FROM appointments WHERE account_id = \(bind: accountId) ORDER BY starts_at DESC, id
            """
        ).all().map(SchedulingRows.appointment)
    }

    /// Lets this instance know the places a committed departure gave back.
    public func departed(_ departure: RegistrationDeparture) {
        for slotId in departure.freedSlots { slotRefusals.placeFreed(inSlot: slotId) }
    }

    private func deleteRows(of accountId: String, on db: any SQLDatabase) async throws -> Int {
        var deleted = 0
        for statement: SQLQueryString in [
            "DELETE FROM waitlist WHERE account_id = \(bind: accountId)",
            "DELETE FROM holds WHERE account_id = \(bind: accountId)",
            "DELETE FROM appointment_history WHERE appointment_id IN (SELECT id FROM appointments WHERE account_id = \(bind: accountId))",
            "DELETE FROM appointments WHERE account_id = \(bind: accountId)",
            "DELETE FROM notifications WHERE account_id = \(bind: accountId)",
        ] {
            deleted += try await db.raw(statement + " RETURNING 1 AS gone").all().count
        }
        return deleted
    }
}
