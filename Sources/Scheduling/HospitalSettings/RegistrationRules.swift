import Foundation
import Storage

/// A hospital's own registration rules (`registration` in its settings). Each rule left out is the server's
/// (`SchedulingRules`, from `companion serve` flags); the ones given replace it for that hospital's slots.
public struct RegistrationRules: Sendable, Codable, Equatable {
    /// A session's places open this many days before its date (放号), at `releaseTime`.
    public var releaseDaysAhead: Int?
    /// `HH:mm`, hospital time.
    public var releaseTime: String?
    /// Patients may cancel or move until this many minutes before the slot starts.
    public var cancelCutoffMinutes: Int?
    /// Bookings one account may make per day.
    public var bookingsPerAccountPerDay: Int?
    /// Appointments one patient may hold in one department on one day.
    public var bookingsPerPatientPerDepartmentPerDay: Int?
    /// This many no-shows within `noShowWindowDays` ban booking for `noShowBanDays`.
    public var noShowLimit: Int?
    public var noShowWindowDays: Int?
    public var noShowBanDays: Int?
    /// Check-in opens this many minutes before the session starts.
    public var checkInOpensMinutes: Int?

    public init() {}

    /// The server's rules with this hospital's in their place.
    public func applied(to server: SchedulingRules) -> SchedulingRules {
        var rules = server
        if let releaseDaysAhead { rules.releaseDaysAhead = releaseDaysAhead }
        if let releaseTime { rules.releaseTime = releaseTime }
        if let cancelCutoffMinutes { rules.cancelCutoff = Double(cancelCutoffMinutes * 60) }
        if let bookingsPerAccountPerDay { rules.dailyLimitPerAccount = bookingsPerAccountPerDay }
        if let bookingsPerPatientPerDepartmentPerDay { rules.bookingsPerDepartmentPerDay = bookingsPerPatientPerDepartmentPerDay }
        if let noShowLimit { rules.noShowLimit = noShowLimit }
        if let noShowWindowDays { rules.noShowWindow = Double(noShowWindowDays * 86_400) }
        if let noShowBanDays { rules.banDuration = Double(noShowBanDays * 86_400) }
        if let checkInOpensMinutes { rules.checkInOpensBefore = Double(checkInOpensMinutes * 60) }
        return rules
    }

    /// Each rule out of its range, by field.
    func problems() -> [FieldError] {
        let ranges: [(String, Int?, ClosedRange<Int>)] = [
            ("releaseDaysAhead", releaseDaysAhead, 0...60), ("cancelCutoffMinutes", cancelCutoffMinutes, 0...10_080),
            ("bookingsPerAccountPerDay", bookingsPerAccountPerDay, 1...100),
            ("bookingsPerPatientPerDepartmentPerDay", bookingsPerPatientPerDepartmentPerDay, 1...10),
            ("noShowLimit", noShowLimit, 1...100), ("noShowWindowDays", noShowWindowDays, 1...730), ("noShowBanDays", noShowBanDays, 1...730),
            ("checkInOpensMinutes", checkInOpensMinutes, 0...720),
        ]
        var errors = ranges.compactMap { field, value, range in
            value.flatMap { range.contains($0) ? nil : FieldError("registration.\(field)", "\(range.lowerBound)–\(range.upperBound)") }
        }
        if let releaseTime, HospitalSettings.minutes(releaseTime) == nil {
            errors.append(FieldError("registration.releaseTime", "HH:mm"))
        }
        return errors
    }
}
