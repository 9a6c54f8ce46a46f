import Foundation
import ModelRuntime

/// The day and part of the day a patient asks for: 今天, 明天上午, 后天, 下周三, 周五下午, 12月16日, tomorrow morning,
/// next Monday, December 16, the 16th.
enum When {
    static func parse(_ text: String, today: Today) -> (days: Int?, period: String?) {
        (date(text, today: today) ?? days(text, todayWeekday: today.weekday), period(text))
    }

    /// A month and day: 12月16日, 十二月十六号, Dec 16, 16 December; or a day of this month or the next: 16号 (not 第16号 or
    /// 16号诊室), the 16th.
    private static func date(_ text: String, today: Today) -> Int? {
        if let found = Quantities.firstMatch(chineseDate, in: text), let month = Quantities.number(found[1]), let day = Quantities.number(found[2]) {
            return today.days(toMonth: Int(month), day: Int(day))
        }
        if let found = Quantities.firstMatch(englishMonthDay, in: text) ?? Quantities.firstMatch(englishDayMonth, in: text).map({ [$0[0], $0[2], $0[1]] }),
            let month = englishMonths.firstIndex(of: String(found[1].prefix(3))), let day = Int(found[2])
        {
            return today.days(toMonth: month + 1, day: day)
        }
        let bare = Quantities.firstMatch(chineseDayOfMonth, in: text) ?? Quantities.firstMatch(englishDayOfMonth, in: text)
        if let bare, let day = Int(bare[1]) {
            if let days = today.days(toMonth: today.month, day: day), days < 31 { return days }
            return today.days(toMonth: today.month % 12 + 1, day: day)
        }
        return nil
    }

    private static let chineseDate = Pattern(#"([0-9]{1,2}|[一二三四五六七八九十]+)月([0-9]{1,2}|[一二三四五六七八九十]+)[日号]"#, needs: ["月"])
    private static let chineseDayOfMonth = Pattern(#"(?<![第0-9])([0-9]{1,2})[号日](?!诊|楼|室|窗口|床)"#, needs: ["号", "日"])
    private static let englishDayOfMonth = Pattern(#"(?:on )?the ([0-9]{1,2})(?:st|nd|rd|th)\b"#, needs: ["st", "nd", "rd", "th"])
    private static let monthNames =
        "(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)\\.?"
    private static let englishMonthDay = Pattern(#"\b"# + monthNames + #"\s+([0-9]{1,2})(?:st|nd|rd|th)?\b"#, needs: englishMonths)
    private static let englishDayMonth = Pattern(#"\b([0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"# + monthNames, needs: englishMonths)
    private static let englishMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func period(_ text: String) -> String? {
        for (words, period) in [(["上午", "早上", "早晨", "morning"], "morning"), (["下午", "afternoon"], "afternoon"), (["晚上", "夜间", "傍晚", "evening", "tonight"], "evening")]
        where words.contains(where: text.includes) {
            return period
        }
        return nil
    }

    private static func days(_ text: String, todayWeekday: Int) -> Int? {
        for (words, days) in [(["大后天"], 3), (["后天", "day after tomorrow"], 2), (["明天", "明日", "tomorrow"], 1), (["今天", "今日", "today", "tonight"], 0)]
        where words.contains(where: text.includes) {
            return days
        }
        let chinese: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7]
        for prefix in ["下周", "下星期", "下礼拜", "这周", "本周", "周", "星期", "礼拜"] {
            guard text.includes(prefix), let range = text.range(of: prefix), let day = text[range.upperBound...].first.flatMap({ chinese[$0] }) else { continue }
            return offset(to: day, from: todayWeekday, nextWeek: prefix.hasPrefix("下"))
        }
        let english = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for (index, name) in english.enumerated() where text.includes(name) {
            return offset(to: index + 1, from: todayWeekday, nextWeek: text.includes("next " + name))
        }
        return nil
    }

    /// Days from today to a weekday: this week's if it is still ahead, else next week's; "下周" always next week's.
    private static func offset(to weekday: Int, from today: Int, nextWeek: Bool) -> Int {
        if nextWeek { return 7 - today + weekday }
        let ahead = (weekday - today + 7) % 7
        return ahead
    }
}

/// Picking one of the offered options: 第二个, the second one, number 2, 10点半的, the 10:30 one.
enum Choices {
    static func parse(_ text: String) -> (index: Int?, time: String?) {
        var index: Int?
        let ordinals: [(String, Int)] = [
            ("第一", 0), ("第二", 1), ("第三", 2), ("第四", 3), ("第五", 4), ("第1", 0), ("第2", 1), ("第3", 2), ("第4", 3), ("第5", 4),
            ("first", 0), ("second", 1), ("third", 2), ("fourth", 3), ("fifth", 4), ("number 1", 0), ("number 2", 1), ("number 3", 2),
            ("number 4", 3), ("number 5", 4), ("option 1", 0), ("option 2", 1), ("option 3", 2),
        ]
        if let found = ordinals.first(where: { text.includes($0.0) }) { index = found.1 }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        if index == nil, let digit = Int(trimmed), (1...9).contains(digit) { index = digit - 1 }
        return (index, time(in: text))
    }

    /// "10:30", "10点半" → "10:30", "9点" → "09:00".
    static func time(in text: String) -> String? {
        if let found = Quantities.firstMatch(clock, in: text), let hour = Int(found[1]), let minute = Int(found[2]), hour < 24, minute < 60 {
            return String(format: "%02d:%02d", hour, minute)
        }
        if let found = Quantities.firstMatch(chineseClock, in: text), let hour = Quantities.number(found[1]).map(Int.init), hour < 24 {
            var hour24 = hour
            if (text.includes("下午") || text.includes("晚上")) && hour < 12 { hour24 += 12 }
            let minute = found[2] == "半" ? 30 : (Int(found[2]) ?? Quantities.number(found[2]).map(Int.init) ?? 0)
            return String(format: "%02d:%02d", hour24, minute)
        }
        return nil
    }

    private static let clock = Pattern(#"([0-9]{1,2})[:：]([0-9]{2})"#, needs: [":", "："])
    private static let chineseClock = Pattern(#"([0-9]{1,2}|[一二两三四五六七八九十]+)点(半|[0-9]{1,2}|[一二三四五]十[一二三四五六七八九]?)?"#, needs: ["点"])
}
