import Foundation

/// Where "now" comes from. Production uses the system clock; tests move a `ManualClock` by hand, so release
/// times, expiries and cut-offs are tested without sleeping.
public protocol NowProvider: Sendable {
    func now() -> Date
}

/// The wall clock.
public struct SystemClock: NowProvider {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to.
public final class ManualClock: NowProvider, @unchecked Sendable {
    // The lock guards `current`, the only mutable state, which makes the class safe to share.
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public func now() -> Date { lock.withLock { current } }

    /// Moves the clock forward (or back, with a negative interval).
    public func advance(by seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }

    /// Sets the clock to a given instant.
    public func set(_ date: Date) { lock.withLock { current = date } }
}

/// Timestamps are stored as integer milliseconds since 1970, identical on both engines.
public enum Clock {
    public static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    public static func date(millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
    /// Whole seconds from `now` until `date`, at least 1: what a `Retry-After` says when a limit frees at `date`.
    public static func secondsUntil(_ date: Date, from now: Date) -> Int { max(1, Int(date.timeIntervalSince(now).rounded(.up))) }
}

/// The wall clock moved by an offset that can be set: the dev server's clock, so a journey can jump to the
/// release minute or the visit day while time keeps flowing. Never used in production.
public final class OffsetClock: NowProvider, @unchecked Sendable {
    // The lock guards `offset`, the only mutable state.
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    public init() {}

    public func now() -> Date { lock.withLock { Date().addingTimeInterval(offset) } }

    /// Makes "now" this instant; the clock runs on from there.
    public func set(_ date: Date) { lock.withLock { offset = date.timeIntervalSinceNow } }
}
