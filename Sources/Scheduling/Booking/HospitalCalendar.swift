import Foundation
import Storage

/// Dates and clock times in a hospital's time zone, whatever the server's own zone is.
public struct HospitalCalendar: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    public static let shanghai = HospitalCalendar(timeZone: TimeZone(identifier: "Asia/Shanghai")!)

    /// The hospital's date at an instant, `YYYY-MM-DD`.
    public func date(of instant: Date) -> String { CalendarDate(instant, in: timeZone).text }

    /// The instant of a wall-clock time (`HH:mm`) on a date, in the hospital's zone.
    public func instant(date: String, time: String) -> Date? {
        guard let day = CalendarDate(date) else { return nil }
        let parts = time.split(separator: ":")
        guard parts.count == 2, time.count == 5, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        let wallClock = Double(day.dayNumber * 86_400 + hour * 3_600 + minute * 60)
        // The zone's offsets half a day either side (the same one, except on a day its clocks change). A time that
        // occurs twice when clocks go back is the first of the two; one skipped when they go forward is read with
        // the offset from before (02:30 → 03:30), as Foundation's calendar does.
        let before = offset(at: wallClock - 43_200), after = offset(at: wallClock + 43_200)
        for candidate in [max(before, after), min(before, after)] where offset(at: wallClock - candidate) == candidate {
            return Date(timeIntervalSince1970: wallClock - candidate)
        }
        return Date(timeIntervalSince1970: wallClock - before)
    }

    private func offset(at secondsSince1970: Double) -> Double {
        Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: secondsSince1970)))
    }

    /// Midnight starting the given date.
    public func startOfDay(_ date: String) -> Date? { instant(date: date, time: "00:00") }

    /// The date `days` after the given one.
    public func adding(days: Int, to date: String) -> String? { CalendarDate(date)?.adding(days: days).text }

    /// `HH:mm` of an instant.
    public func clockTime(_ instant: Date) -> String {
        let second = CalendarDate.localSeconds(instant, in: timeZone).second
        return CalendarDate.digits(second / 3_600, 2) + ":" + CalendarDate.digits(second % 3_600 / 60, 2)
    }

    /// ISO weekday, Monday = 1 … Sunday = 7.
    public func weekday(_ date: String) -> Int? { CalendarDate(date)?.weekday }
}
