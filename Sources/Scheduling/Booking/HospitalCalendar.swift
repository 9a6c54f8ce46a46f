import Foundation
import Storage

/// Dates and clock times in a hospital's time zone, whatever the server's own zone is.
public struct HospitalCalendar: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    public static let shanghai = HospitalCalendar(timeZone: TimeZone(identifier: "Asia/Shanghai")!)

    /// The hospital's date at an instant, `YYYY-MM-DD`.
    public func date(of instant: Date) -> String { CalendarDate(instant, in: timeZone).text }

    /// The instant of a wall-clock time (`HH:mm`) on a date, in the hospital's zone.
    public func instant(date: String, time: String) -> Date? {
        guard let day = CalendarDate(date) else { return nil }
        let parts = time.split(separator: ":")
        guard parts.count == 2, time.count == 5, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))
    }

    /// Midnight starting the given date.
    public func startOfDay(_ date: String) -> Date? { instant(date: date, time: "00:00") }

    /// The date `days` after the given one.
    public func adding(days: Int, to date: String) -> String? {
        guard let start = startOfDay(date), let moved = calendar.date(byAdding: .day, value: days, to: start) else { return nil }
        return self.date(of: moved)
    }

    /// `HH:mm` of an instant.
    public func clockTime(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// ISO weekday, Monday = 1 … Sunday = 7.
    public func weekday(_ date: String) -> Int? {
        guard let start = startOfDay(date) else { return nil }
        let sundayFirst = calendar.component(.weekday, from: start)
        return sundayFirst == 1 ? 7 : sundayFirst - 1
    }
}
