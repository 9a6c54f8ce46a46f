import Foundation

/// A calendar date `YYYY-MM-DD` that exists (no 2025-02-30).
public struct CalendarDate: Sendable, Hashable, Comparable {
    public let year: Int, month: Int, day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...9999).contains(y), (1...12).contains(m), d >= 1, d <= Self.days(inMonth: m, year: y) else { return nil }
        year = y
        month = m
        day = d
    }

    /// The date of an instant in a time zone.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        year = parts.year!
        month = parts.month!
        day = parts.day!
    }

    public var text: String { String(format: "%04d-%02d-%02d", year, month, day) }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.text < b.text }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
