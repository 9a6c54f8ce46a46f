import Foundation

/// What a session was opened with and never changes afterwards: its period and its fee. Presenting an appointment
/// needs both; each instance keeps them once known (`Registration.sessionTerms`), so a booking's answer does not
/// read the session again.
public struct SessionTerms: Sendable, Equatable {
    public let period: Period
    public let feeCents: Int
}
