import Foundation

/// A bookable time offered in the conversation.
public struct SlotOption: Sendable, Codable, Equatable {
    public var slotId: String
    public var doctorId: String
    public var doctorName: String
    public var departmentId: String
    public var departmentName: String
    /// `YYYY-MM-DD` and `HH:mm` in the hospital's time zone.
    public var date: String
    public var time: String
    public var startsAt: Date
    public var feeYuan: Double
    public var remaining: Int
    /// When places are released; later than now for a slot that cannot be booked yet.
    public var releaseAt: Date
    public var released: Bool

    public init(
        slotId: String, doctorId: String, doctorName: String, departmentId: String, departmentName: String, date: String,
        time: String, startsAt: Date, feeYuan: Double, remaining: Int, releaseAt: Date, released: Bool
    ) {
        self.slotId = slotId
        self.doctorId = doctorId
        self.doctorName = doctorName
        self.departmentId = departmentId
        self.departmentName = departmentName
        self.date = date
        self.time = time
        self.startsAt = startsAt
        self.feeYuan = feeYuan
        self.remaining = remaining
        self.releaseAt = releaseAt
        self.released = released
    }
}

/// An appointment as the conversation talks about it.
public struct Visit: Sendable, Codable, Equatable {
    public var appointmentId: String
    public var patientId: String
    public var doctorName: String
    public var departmentId: String
    public var departmentName: String
    public var date: String
    public var time: String
    public var feeYuan: Double
    public var place: Place?
    public var preparation: [String]
    /// From this instant on the appointment can no longer be cancelled or moved online (the registration cut-off).
    public var changesCloseAt: Date?

    public init(
        appointmentId: String, patientId: String, doctorName: String, departmentId: String, departmentName: String,
        date: String, time: String, feeYuan: Double, place: Place?, preparation: [String], changesCloseAt: Date? = nil
    ) {
        self.appointmentId = appointmentId
        self.patientId = patientId
        self.doctorName = doctorName
        self.departmentId = departmentId
        self.departmentName = departmentName
        self.date = date
        self.time = time
        self.feeYuan = feeYuan
        self.place = place
        self.preparation = preparation
        self.changesCloseAt = changesCloseAt
    }
}

/// Where a checked-in patient stands.
public struct QueueInfo: Sendable, Codable, Equatable {
    public var queueNumber: Int
    public var ahead: Int
    public var nowCalling: Int?
    public var estimatedWaitMinutes: Int

    public init(queueNumber: Int, ahead: Int, nowCalling: Int?, estimatedWaitMinutes: Int) {
        self.queueNumber = queueNumber
        self.ahead = ahead
        self.nowCalling = nowCalling
        self.estimatedWaitMinutes = estimatedWaitMinutes
    }
}

/// A patient profile of the account, by name, with the age that decides whether it fits the complaint.
public struct PatientChoice: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var ageYears: Double?

    public init(id: String, name: String, ageYears: Double? = nil) {
        self.id = id
        self.name = name
        self.ageYears = ageYears
    }
}

/// Why registration said no, in the conversation's terms.
public enum BookingRefusal: Error, Sendable, Equatable {
    case slotFull
    case notReleased(releaseAt: Date)
    case duplicate
    case dailyLimit
    case banned(until: Date)
    case pastCutoff
    case unavailable
    case notFound
    case checkInNotOpen
}

/// What the conversation needs from registration: the hospital's scheduling behind a small protocol, so the
/// conversation never reads registration's tables. Refusals are thrown as `BookingRefusal`.
public protocol BookingDesk: Sendable {
    /// Registration's "now": what a visit's `changesCloseAt` is compared with.
    func now() -> Date
    /// The account's patient profiles.
    func patients(accountId: String) async throws -> [PatientChoice]
    /// Up to `limit` slots with places left, earliest first: a day (counted from today in the hospital's time
    /// zone) and period when given, only within 24 hours when `within24Hours`, not these doctors. Slots of that day
    /// not yet released are included (marked), so the companion can say when they open.
    func slots(
        departmentId: String, day: Int?, period: String?, within24Hours: Bool, excludingDoctors: [String],
        limit: Int, language: Language
    ) async throws -> [SlotOption]
    func book(slotId: String, patientId: String, accountId: String, reason: String?, language: Language) async throws -> Visit
    func cancel(appointmentId: String, accountId: String) async throws
    func reschedule(appointmentId: String, toSlot slotId: String, accountId: String, language: Language) async throws -> Visit
    /// The account's active appointment today (of this patient when given), earliest first.
    func visitToday(accountId: String, patientId: String?, language: Language) async throws -> Visit?
    func checkIn(appointmentId: String, accountId: String) async throws -> QueueInfo
    func queue(appointmentId: String, accountId: String) async throws -> QueueInfo
}
