import Foundation
import ModelRuntime

/// The day and part of the day a patient asks for: 今天, 明天上午, 后天, 下周三, 周五下午, 12月16日, tomorrow morning,
/// next Monday, December 16, the 16th.
enum When {
    static func parse(_ text: SearchableText, today: Today, words: ConversationWords) -> (days: Int?, period: String?) {
        (date(text.text, today: today) ?? days(text, todayWeekday: today.weekday, words: words), period(text, words: words))
    }

    /// A month and day: 12月16日, 十二月十六号, Dec 16, 16 December; or a day of this month or the next: 16号 (not 第16号 or
    /// 16号诊室), the 16th.
    private static func date(_ text: String, today: Today) -> Int? {
        if let found = Quantities.firstMatch(chineseDate, in: text), let month = Quantities.number(found[1]), let day = Quantities.number(found[2]) {
            return today.days(toMonth: Int(month), day: Int(day))
        }
        if let found = Quantities.firstMatch(englishMonthDay, in: text)
            ?? Quantities.firstMatch(englishDayMonth, in: text).map({ [$0[0], $0[2], $0[1]] }),
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

    static func period(_ text: SearchableText, words: ConversationWords) -> String? {
        words.periods.first { $0.words.contains(where: text.includes) }?.value
    }

    private static func days(_ text: SearchableText, todayWeekday: Int, words: ConversationWords) -> Int? {
        if let days = words.days.first(where: { $0.words.contains(where: text.includes) }) { return days.value }
        for week in words.weeks {
            for prefix in week.words {
                guard text.includes(prefix), let range = text.text.range(of: prefix),
                    let day = text.text[range.upperBound...].first.flatMap({ words.chineseWeekdays[$0] })
                else { continue }
                return offset(to: day, from: todayWeekday, nextWeek: week.value)
            }
        }
        let nextWords = words.weeks.filter(\.value).flatMap(\.words)
        for weekday in words.englishWeekdays {
            for name in weekday.words where text.includes(name) {
                return offset(to: weekday.value, from: todayWeekday, nextWeek: nextWords.contains { text.includes($0 + " " + name) })
            }
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
    static func parse(_ text: SearchableText, words: ConversationWords) -> (index: Int?, time: String?) {
        var index = words.choices.first { $0.words.contains(where: text.includes) }?.value
        if index == nil, let digit = Int(text.bare), (1...9).contains(digit) { index = digit - 1 }
        return (index, time(in: text, words: words))
    }

    /// "10:30", "10点半" → "10:30", "9点" → "09:00".
    static func time(in text: SearchableText, words: ConversationWords) -> String? {
        if let found = Quantities.firstMatch(clock, in: text.text), let hour = Int(found[1]), let minute = Int(found[2]), hour < 24, minute < 60 {
            return String(format: "%02d:%02d", hour, minute)
        }
        if let found = Quantities.firstMatch(chineseClock, in: text.text), let hour = Quantities.number(found[1]).map(Int.init), hour < 24 {
            var hour24 = hour
            if hour < 12, let period = When.period(text, words: words), period != "morning" { hour24 += 12 }
            let minute = found[2] == "半" ? 30 : (Int(found[2]) ?? Quantities.number(found[2]).map(Int.init) ?? 0)
            return String(format: "%02d:%02d", hour24, minute)
        }
        return nil
    }

    private static let clock = Pattern(#"([0-9]{1,2})[:：]([0-9]{2})"#, needs: [":", "："])
    private static let chineseClock = Pattern(#"([0-9]{1,2}|[一二两三四五六七八九十]+)点(半|[0-9]{1,2}|[一二三四五]十[一二三四五六七八九]?)?"#, needs: ["点"])
}
