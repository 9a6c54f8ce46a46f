import Foundation

/// The registration rules: the server's (`companion serve` flags), which a hospital's settings may change for its
/// own slots (`RegistrationRules`).
public struct SchedulingRules: Sendable {
    /// How long a hold keeps a place.
    public var holdDuration: TimeInterval = 5 * 60
    /// How long a waitlist offer keeps a place.
    public var waitlistOfferDuration: TimeInterval = 15 * 60
    /// Patients may cancel until this long before the slot starts.
    public var cancelCutoff: TimeInterval = 2 * 3600
    /// Bookings one account may make per day (hospital time).
    public var dailyLimitPerAccount = 5
    /// Live holds one account may have at once (a patient has one: a new hold replaces the patient's earlier one).
    public var liveHoldsPerAccount = 3
    /// Holds and moves one account may make per minute, so a script cannot churn places (bookings have the daily limit).
    public var holdsAndMovesPerMinute = 10
    /// Waitlist entries (waiting or offered) one patient may have at once.
    public var waitlistEntriesPerPatient = 3
    /// This many no-shows within `noShowWindow` ban booking for `banDuration`.
    public var noShowLimit = 3
    public var noShowWindow: TimeInterval = 90 * 24 * 3600
    public var banDuration: TimeInterval = 30 * 24 * 3600
    /// Appointments one patient may hold in one department on one day.
    public var bookingsPerDepartmentPerDay = 1
    /// A session's places open this many days before its date (放号), at `releaseTime` (`HH:mm`, hospital time).
    public var releaseDaysAhead = 7
    public var releaseTime = "08:00"
    /// Check-in opens this long before the session starts.
    public var checkInOpensBefore: TimeInterval = 60 * 60

    public init() {}
}
