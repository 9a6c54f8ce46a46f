import Foundation
import Storage
import Testing

/// Dates are computed by arithmetic on day numbers; they must agree with Foundation's Gregorian calendar
/// everywhere a hospital could meet them.
struct CalendarDateTests {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    // Foundation switches to the Julian calendar before October 1582; nobody alive was born then.
    @Test("every 37th day from 1600 to 9999 has Foundation's date, weekday and text, and its day number back")
    func agreesWithFoundation() throws {
        for dayNumber in stride(from: CalendarDate("1600-01-01")!.dayNumber, through: CalendarDate("9999-12-31")!.dayNumber, by: 37) {
            let date = CalendarDate(dayNumber: dayNumber)
            let parts = Self.utc.dateComponents([.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: Double(dayNumber) * 86_400))
            #expect((date.year, date.month, date.day) == (parts.year!, parts.month!, parts.day!), "day \(dayNumber)")
            #expect(date.weekday == (parts.weekday! == 1 ? 7 : parts.weekday! - 1))
            #expect(date.dayNumber == dayNumber)
            #expect(CalendarDate(date.text) == date)
        }
    }

    @Test("an instant's date in a zone: either side of midnight, before 1970, and on 29 February")
    func datesOfInstants() throws {
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        let cases: [(String, TimeZone, String)] = [
            ("2026-12-02T15:59:59Z", shanghai, "2026-12-02"), ("2026-12-02T16:00:00Z", shanghai, "2026-12-03"),
            ("1969-12-31T23:59:59Z", TimeZone(identifier: "UTC")!, "1969-12-31"), ("1969-12-31T16:00:00Z", shanghai, "1970-01-01"),
            ("2028-02-29T12:00:00Z", shanghai, "2028-02-29"), ("2026-03-08T06:59:59Z", TimeZone(identifier: "America/New_York")!, "2026-03-08"),
        ]
        for (instant, zone, expected) in cases {
            #expect(CalendarDate(ISO8601DateFormatter().date(from: instant)!, in: zone).text == expected, "\(instant) in \(zone.identifier)")
        }
        #expect(CalendarDate("2026-12-31")!.adding(days: 1).text == "2027-01-01")
        #expect(CalendarDate("2028-03-01")!.adding(days: -1).text == "2028-02-29")
        #expect(CalendarDate("2026-02-29") == nil)
    }
}
