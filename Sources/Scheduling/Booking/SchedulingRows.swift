import Foundation
import SQLKit
import Storage

/// Reading scheduling rows into values.
enum SchedulingRows {
    static func date(_ row: any SQLRow, _ column: String) throws -> Date {
        Clock.date(millis: try row.decode(column: column, as: Int64.self))
    }

    static func session(_ row: any SQLRow) throws -> DoctorSession {
        DoctorSession(
            id: try row.decode(column: "id", as: String.self),
            hospitalId: try row.decode(column: "hospital_id", as: String.self),
            doctorId: try row.decode(column: "doctor_id", as: String.self),
            departmentId: try row.decode(column: "department_id", as: String.self),
            date: try row.decode(column: "date", as: String.self),
            period: Period(rawValue: try row.decode(column: "period", as: String.self)) ?? .morning,
            startsAt: try date(row, "starts_at"), endsAt: try date(row, "ends_at"),
            slotMinutes: try row.decode(column: "slot_minutes", as: Int.self),
            capacityPerSlot: try row.decode(column: "capacity_per_slot", as: Int.self),
            feeCents: try row.decode(column: "fee_cents", as: Int.self),
            releaseAt: try date(row, "release_at"),
            status: DoctorSession.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            closeReason: try row.decode(column: "close_reason", as: String?.self),
            nowCalling: try row.decode(column: "now_calling", as: Int?.self)
        )
    }

    /// Slot columns joined with their session (`fee_cents`, `release_at`, `session_status`) and the number of
    /// holds still alive at `now` (`held`); append a `WHERE` clause.
    static func slotSelect(now: Date) -> SQLQueryString {
        """
        SELECT s.id, s.session_id, s.doctor_id, s.department_id, s.date, s.period, s.starts_at, s.ends_at, s.capacity,
               s.booked, ds.fee_cents, ds.release_at, ds.status AS session_status,
               (SELECT COUNT(*) FROM holds h WHERE h.slot_id = s.id AND h.status = 'active'
                AND h.expires_at > \(bind: Clock.millis(now))) AS held
        FROM slots s JOIN doctor_sessions ds ON ds.id = s.session_id
        """
    }

    static func slot(_ row: any SQLRow) throws -> Slot {
        let capacity = try row.decode(column: "capacity", as: Int.self)
        let booked = try row.decode(column: "booked", as: Int.self)
        let taken = booked + (try row.decode(column: "held", as: Int.self))
        return Slot(
            id: try row.decode(column: "id", as: String.self),
            sessionId: try row.decode(column: "session_id", as: String.self),
            doctorId: try row.decode(column: "doctor_id", as: String.self),
            departmentId: try row.decode(column: "department_id", as: String.self),
            date: try row.decode(column: "date", as: String.self),
            period: Period(rawValue: try row.decode(column: "period", as: String.self)) ?? .morning,
            startsAt: try date(row, "starts_at"), endsAt: try date(row, "ends_at"),
            capacity: capacity, booked: booked, remaining: max(0, capacity - taken),
            feeCents: try row.decode(column: "fee_cents", as: Int.self),
            releaseAt: try date(row, "release_at"),
            sessionOpen: try row.decode(column: "session_status", as: String.self) == "open"
        )
    }

    static func appointment(_ row: any SQLRow) throws -> Appointment {
        Appointment(
            id: try row.decode(column: "id", as: String.self),
            slotId: try row.decode(column: "slot_id", as: String.self),
            sessionId: try row.decode(column: "session_id", as: String.self),
            patientId: try row.decode(column: "patient_id", as: String.self),
            accountId: try row.decode(column: "account_id", as: String.self),
            doctorId: try row.decode(column: "doctor_id", as: String.self),
            departmentId: try row.decode(column: "department_id", as: String.self),
            date: try row.decode(column: "date", as: String.self),
            startsAt: try date(row, "starts_at"), endsAt: try date(row, "ends_at"),
            status: Appointment.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .booked,
            reason: try Sealed.open(try row.decode(column: "reason", as: String?.self), .appointment),
            queueNumber: try row.decode(column: "queue_number", as: Int?.self),
            late: try row.decode(column: "late", as: Int.self) != 0,
            cancelReason: try Sealed.open(try row.decode(column: "cancel_reason", as: String?.self), .appointment),
            createdAt: try date(row, "created_at")
        )
    }

    static func notice(_ row: any SQLRow) throws -> Notice {
        Notice(
            id: try row.decode(column: "id", as: String.self),
            kind: try row.decode(column: "kind", as: String.self),
            title: try Sealed.open(try row.decode(column: "title", as: String.self), .notification),
            body: try Sealed.open(try row.decode(column: "body", as: String.self), .notification),
            patientId: try row.decode(column: "patient_id", as: String?.self),
            appointmentId: try row.decode(column: "appointment_id", as: String?.self),
            holdId: try row.decode(column: "hold_id", as: String?.self),
            createdAt: try date(row, "created_at")
        )
    }

    static func waitlist(_ row: any SQLRow) throws -> WaitlistEntry {
        WaitlistEntry(
            id: try row.decode(column: "id", as: String.self),
            patientId: try row.decode(column: "patient_id", as: String.self),
            accountId: try row.decode(column: "account_id", as: String.self),
            doctorId: try row.decode(column: "doctor_id", as: String?.self),
            departmentId: try row.decode(column: "department_id", as: String.self),
            date: try row.decode(column: "date", as: String.self),
            period: Period(rawValue: try row.decode(column: "period", as: String.self)) ?? .morning,
            status: WaitlistEntry.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .waiting,
            holdId: try row.decode(column: "hold_id", as: String?.self)
        )
    }
}
