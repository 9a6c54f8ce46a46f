import Foundation
import Scheduling
import Testing

/// Wall-clock times in the hospital's zone, whatever the server's zone: they must agree with Foundation's calendar.
struct HospitalCalendarTests {
    @Test(
        "wall-clock times and clock readings agree with Foundation for every hour of two years",
        arguments: ["Asia/Shanghai", "UTC", "Europe/Berlin"])
    func agreesWithFoundation(zone: String) throws {
        let timeZone = TimeZone(identifier: zone)!
        let hospital = HospitalCalendar(timeZone: timeZone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = ISO8601DateFormatter().date(from: "2026-01-01T00:00:00Z")!
        for hour in stride(from: 0, to: 2 * 366 * 24, by: 1) {
            let instant = start.addingTimeInterval(Double(hour) * 3_600 + 7 * 60)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
            let date = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            let time = String(format: "%02d:%02d", parts.hour!, parts.minute!)
            #expect(hospital.date(of: instant) == date)
            #expect(hospital.clockTime(instant) == time)
            // An hour repeated when clocks go back names two instants; both calendars take the first.
            let expected = calendar.date(
                from: DateComponents(year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute))
            #expect(hospital.instant(date: date, time: time) == expected, "\(date) \(time) in \(zone)")
        }
        #expect(hospital.weekday("2026-11-30") == 1)
        #expect(hospital.adding(days: 1, to: "2026-12-31") == "2027-01-01")
    }
}

extension HospitalCalendarTests {
    @Test("a time skipped when clocks go forward is read with the offset from before, as Foundation does")
    func skippedTime() throws {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = berlin
        let expected = calendar.date(from: DateComponents(year: 2026, month: 3, day: 29, hour: 2, minute: 30))
        #expect(HospitalCalendar(timeZone: berlin).instant(date: "2026-03-29", time: "02:30") == expected)
    }
}
