import Foundation

/// Half-day blocks in which doctors see patients.
public enum Period: String, Sendable, Codable, CaseIterable {
    case morning, afternoon, evening
}

/// A doctor's clinic session (排班): one doctor, one date, one period, cut into slots.
public struct DoctorSession: Sendable, Equatable {
    public enum Status: String, Sendable { case open, closed }
    public let id: String
    public let hospitalId: String
    public let doctorId: String
    public let departmentId: String
    /// `YYYY-MM-DD` in the hospital's time zone.
    public let date: String
    public let period: Period
    public let startsAt: Date
    public let endsAt: Date
    public let slotMinutes: Int
    public let capacityPerSlot: Int
    public let feeCents: Int
    public let releaseAt: Date
    public let status: Status
    public let closeReason: String?
    public let nowCalling: Int?
}

/// A bookable time within a session (号源) and how many places are left.
public struct Slot: Sendable, Equatable {
    public let id: String
    public let sessionId: String
    public let doctorId: String
    public let departmentId: String
    public let date: String
    public let period: Period
    public let startsAt: Date
    public let endsAt: Date
    public let capacity: Int
    /// Places taken by appointments (holds not counted).
    public let booked: Int
    /// Places not booked and not held right now.
    public let remaining: Int
    public let feeCents: Int
    public let releaseAt: Date
    public let sessionOpen: Bool
}

/// A place reserved for a few minutes while the patient confirms.
public struct Hold: Sendable, Equatable {
    public let id: String
    public let slotId: String
    public let patientId: String
    public let expiresAt: Date
}

/// An appointment (挂号) and where it stands.
public struct Appointment: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case booked, cancelled, checkedIn = "checked_in", called, completed, noShow = "no_show"

        /// Statuses that still hold a place and count for the one-per-department-per-day rule.
        public static let active: [Status] = [.booked, .checkedIn, .called]
    }

    public let id: String
    public let slotId: String
    public let sessionId: String
    public let patientId: String
    public let accountId: String
    public let doctorId: String
    public let departmentId: String
    public let date: String
    public let startsAt: Date
    public let endsAt: Date
    public let status: Status
    public let reason: String?
    public let queueNumber: Int?
    public let late: Bool
    public let cancelReason: String?
    public let createdAt: Date
}

/// One change of an appointment's status: who, when, from → to.
public struct AppointmentChange: Sendable, Equatable {
    public let at: Date
    public let actor: String
    public let from: String?
    public let to: String
    public let note: String?
}

/// Where a checked-in patient stands in the queue.
public struct QueueStatus: Sendable, Equatable {
    public let queueNumber: Int
    public let ahead: Int
    public let nowCalling: Int?
    public let estimatedWaitMinutes: Int
}

/// A waitlist entry for a doctor or a department, on a date and period.
public struct WaitlistEntry: Sendable, Equatable {
    public enum Status: String, Sendable { case waiting, offered, fulfilled, cancelled, expired }
    public let id: String
    public let patientId: String
    public let accountId: String
    public let doctorId: String?
    public let departmentId: String
    public let date: String
    public let period: Period
    public let status: Status
    public let holdId: String?
}

/// A message for the account: confirmations, reminders, waitlist offers, closures, queue calls.
public struct Notice: Sendable, Equatable {
    public let id: String
    public let kind: String
    public let title: String
    public let body: String
    public let patientId: String?
    public let appointmentId: String?
    public let holdId: String?
    public let createdAt: Date
}

/// Why the hospital's registration rules refused a request.
public enum SchedulingError: Error, Sendable, Equatable {
    case slotFull
    case notReleased(releaseAt: Date)
    case slotInPast
    case sessionClosed
    case duplicateBooking
    case dailyLimit(limit: Int)
    /// The account already holds `limit` places; the first of them runs out in `retryAfter` seconds.
    case tooManyHolds(limit: Int, retryAfter: Int)
    case waitlistLimit(limit: Int)
    /// The account made `limit` holds, bookings or moves this minute; the next minute starts in `retryAfter` seconds.
    case tooManyChanges(limit: Int, retryAfter: Int)
    case bookingBanned(until: Date)
    case holdExpired
    case pastCutoff(cutoff: Date)
    case invalidState(InvalidState)
    case checkInClosed(CheckInClosed)
    case queueEmpty
    case invalidSession(InvalidState)
    /// The patient is checked in or being seen: the account cannot go until the visit is over.
    case visitUnderWay
}

/// Why check-in is not open now.
public enum CheckInClosed: Sendable, Equatable {
    /// Check-in is on the day of the visit.
    case notToday
    /// It opens this many minutes before the session starts.
    case notYet(minutesBefore: Int)
    /// The session has ended.
    case ended
}

/// What an appointment or session is not in a state for; the raw value is the message catalog's id for it.
public enum InvalidState: String, Sendable, Equatable, CaseIterable {
    case notBookedToCheckIn = "state_not_booked_to_check_in"
    case notCheckedIn = "state_not_checked_in"
    case notBookedToCancel = "state_not_booked_to_cancel"
    case notBookedToMove = "state_not_booked_to_move"
    case alreadyInThatSlot = "state_already_in_that_slot"
    case sessionNotEnded = "state_session_not_ended"
    case sessionAlreadyClosed = "state_session_already_closed"
    case doctorAlreadyHasSession = "state_doctor_already_has_session"
}
