import Foundation

/// How dates, times, fees and durations are written, and the quick replies offered, from the message catalog.
extension Phrases {
    /// `2026-12-04` as 12月4日 / Dec 4.
    static func day(_ date: String, _ l: Language) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return date }
        return say("format_day", l, ["month": say("month_\(parts[1])", l), "day": "\(parts[2])"])
    }

    /// An instant in hospital time, as 12月4日 08:00 / Dec 4 at 08:00.
    static func instant(_ instant: Date, _ l: Language) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let date = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        return say("format_instant", l, ["date": day(date, l), "time": String(format: "%02d:%02d", c.hour!, c.minute!)])
    }

    /// A fee in yuan, whole when it is.
    static func fee(_ yuan: Double, _ l: Language) -> String {
        say("format_fee", l, ["amount": yuan == yuan.rounded() ? String(Int(yuan)) : String(format: "%.2f", yuan)])
    }

    /// How long, rounded to days, weeks or months.
    static func duration(days: Double, _ l: Language) -> String {
        if days < 1 { return say("duration_under_a_day", l) }
        if days < 14 {
            let n = Int(days.rounded())
            return n == 1 ? say("duration_one_day", l) : say("duration_days", l, ["n": "\(n)"])
        }
        if days < 60 { return say("duration_weeks", l, ["n": "\(Int((days / 7).rounded()))"]) }
        return say("duration_months", l, ["n": "\(Int((days / 30).rounded()))"])
    }

    /// The quick replies with these catalog ids (`quick_…`).
    static func quick(_ ids: [String], _ l: Language) -> [String] { ids.map { say("quick_\($0)", l) } }
}
