import Foundation

/// Today's date in the hospital's time zone, which relative days (明天, 下周三) and dates (12月16日) count from.
public struct Today: Sendable, Equatable {
    public let year: Int
    public let month: Int
    public let day: Int
    /// 1 Monday … 7 Sunday.
    public let weekday: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
        let date = Self.calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
        let sundayFirst = Self.calendar.component(.weekday, from: date)
        weekday = sundayFirst == 1 ? 7 : sundayFirst - 1
    }

    /// The date of an instant in a time zone.
    public init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Days from today to a month and day: this year's when still ahead (or today), else next year's; nil for a
    /// date that does not exist (2月30日).
    func days(toMonth month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), (1...31).contains(day), let start = Self.date(year, self.month, self.day) else { return nil }
        for year in [year, year + 1] {
            guard let target = Self.date(year, month, day), Self.calendar.component(.day, from: target) == day else { return nil }
            let days = Self.calendar.dateComponents([.day], from: start, to: target).day ?? 0
            if days >= 0 { return days }
        }
        return nil
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> Date? {
        calendar.date(from: DateComponents(year: year, month: month, day: day))
    }
}
