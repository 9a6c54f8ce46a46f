import Foundation

/// Durations, temperatures and ages in patients' words, Chinese and English.
public enum Quantities {
    /// How long it has lasted, in days: 三天, 两周, 半个月, 一个多月, 3 days, since yesterday.
    public static func duration(in text: String) -> Double? {
        if let found = firstMatch(chineseDuration, in: text) {
            let unitText = found[3]
            // 12月 and 16日 name a month and a day, 2026年 a year: dates, not durations.
            if (unitText == "月" && !found[0].contains("个")) || unitText == "日" || (unitText == "年" && (Double(found[1]) ?? 0) >= 1900) {
                return nil
            }
            // "3岁" is an age and "6个月大" too; neither is a duration.
            if let range = text.range(of: found[0]), text[range.upperBound...].hasPrefix("大") { return nil }
            guard var amount = found[1] == "半" ? 0.5 : number(found[1]) else { return nil }
            if found[2] == "多" { amount += 0.5 }
            return amount * unitDays(unitText)
        }
        if text.includes("半个月") { return 15 }
        if let found = firstMatch(englishDuration, in: text),
            !text.includes(found[0] + " old")
        {
            guard let amount = englishNumber(found[1]) else { return nil }
            return amount * unitDays(found[2])
        }
        for (words, days) in [
            (["前天", "day before yesterday"], 2.0), (["昨天", "昨晚", "昨日", "yesterday", "last night"], 1), (["今天早上", "今早", "今天上午", "this morning"], 0.3),
            (["刚才", "刚刚", "just now", "an hour ago"], 0.05), (["上周", "上星期", "last week"], 7),
        ] where words.contains(where: text.includes) {
            return days
        }
        return nil
    }

    /// Body temperature in ℃: 38.5℃, 烧到39度, 39.2, 102°F.
    public static func temperature(in text: String) -> Double? {
        if let found = matches(temperatureNumber, in: text) {
            for match in found {
                guard let value = Double(match[1]) else { continue }
                let unit = match[2]
                if (34...43).contains(value),
                    !unit.isEmpty || text.includes("烧") || text.includes("体温") || text.includes("fever") || text.includes("temperature")
                {
                    return value
                }
                if (94...110).contains(value),
                    unit == "°f" || unit == "f" || ((text.includes("fever") || text.includes("temperature")) && unit != "度")
                {
                    return ((value - 32) * 5 / 9 * 10).rounded() / 10
                }
            }
        }
        if let found = firstMatch(chineseTemperature, in: text), let whole = number(found[1]), (34...43).contains(whole) {
            return whole + (number(found[2]).map { $0 / 10 } ?? 0)
        }
        return nil
    }

    /// Age in years of the person talked about: 3岁, 三岁半, 6个月大, 出生20天, 孩子才两个月, 6 weeks old, 3-year-old.
    public static func age(in text: String) -> Double? {
        if let found = firstMatch(chineseYearsOld, in: text), let value = number(found[1]) {
            return value + (text.includes(found[0] + "半") ? 0.5 : 0)
        }
        if let found = firstMatch(chineseMonthsOld, in: text), let value = number(found[1]) {
            return value * unitDays(found[2]) / 365
        }
        if let found = firstMatch(chineseAgeBeforeChild, in: text), let value = number(found[1]) {
            return value * unitDays(found[2]) / 365
        }
        if let found = firstMatch(chineseSinceBirth, in: text), let value = number(found[1]) {
            return value * unitDays(found[2]) / 365
        }
        if let found = firstMatch(chineseChildAge, in: text), let value = number(found[2]),
            !found[1].isEmpty || found[3].hasSuffix("月") || !found[4].isEmpty
        {
            return value * unitDays(found[3]) / 365
        }
        if let found = firstMatch(englishAgeOld, in: text),
            let value = englishNumber(found[1])
        {
            return value * unitDays(found[2]) / 365
        }
        if let found = firstMatch(englishStatedAge, in: text), let value = Double(found[1]), value < 120 {
            return value
        }
        return nil
    }

    public static func unitDays(_ unit: String) -> Double {
        switch unit {
        case let u where u.hasPrefix("小时") || u.hasPrefix("钟头") || u.hasPrefix("hour"): 1.0 / 24
        case let u where u.hasPrefix("周") || u.hasPrefix("星期") || u.hasPrefix("礼拜") || u.hasPrefix("week"): 7
        case let u where u.hasSuffix("月") || u.hasPrefix("month"): 30
        case let u where u.hasPrefix("年") || u.hasPrefix("year"): 365
        default: 1
        }
    }

    /// 3, 3.5, 三, 十二, 两, 几 (a few: 3).
    public static func number(_ text: String) -> Double? {
        if let value = Double(text) { return value }
        let digits: [Character: Double] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "几": 3]
        var total = 0.0, current = 0.0
        for character in text {
            if let digit = digits[character] {
                current = digit
            } else if character == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
            } else {
                return nil
            }
        }
        let value = total + current
        return value > 0 ? value : nil
    }

    public static func englishNumber(_ text: String) -> Double? {
        let words: [String: Double] = [
            "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "few": 3, "several": 4, "couple of": 2,
        ]
        return Double(text) ?? words[text]
    }

    /// The capture groups of the first match (index 0 is the whole match; an absent group is "").
    public static func firstMatch(_ expression: NSRegularExpression, in text: String) -> [String]? {
        firstMatch(expression, in: text, all: false)?.first
    }

    /// The capture groups of every match, or nil when none.
    public static func firstMatch(_ expression: NSRegularExpression, in text: String, all: Bool) -> [[String]]? {
        let range = NSRange(text.startIndex..., in: text)
        let results = all ? expression.matches(in: text, range: range) : expression.firstMatch(in: text, range: range).map { [$0] } ?? []
        guard !results.isEmpty else { return nil }
        return results.map { result in
            (0..<result.numberOfRanges).map { index in
                Range(result.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    public static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are constants of this file; one that does not compile is a bug caught by the first test.
        try! NSRegularExpression(pattern: pattern)
    }

    // Every repeat is bounded and digits start a number (no digit before them), so each pattern tries a fixed
    // amount of text at each place: linear in the message, whatever it holds (2,000 digits took 1.9 s before).
    private static let chineseDuration = Pattern(
        #"(半|(?<![0-9.])[0-9]{1,4}(?:\.[0-9]{1,2})?|[一二两三四五六七八九十几]{1,5})\s{0,3}(?:个)?(多)?\s{0,3}(小时|钟头|天|日|周|星期|礼拜|个?月|年)"#,
        needs: ["小时", "钟头", "天", "日", "周", "星期", "礼拜", "月", "年"])
    private static let englishDuration = Pattern(
        #"(?:for |about |over |almost |nearly )?((?<![0-9.])[0-9]{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|couple of)\s+(hours?|days?|weeks?|months?|years?)"#,
        needs: ["hour", "day", "week", "month", "year"])
    private static let temperatureNumber = Pattern(
        #"([0-9]{2,3}(?:\.[0-9])?)\s{0,3}(℃|°c|度|°f|°|f\b|摄氏度)?"#,
        needs: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
    private static let chineseYearsOld = Pattern(
        #"((?<![0-9.])[0-9]{1,4}|[一二两三四五六七八九十几]{1,5})\s{0,3}(?:周)?岁"#,
        needs: ["岁"])
    private static let chineseMonthsOld = Pattern(
        #"((?<![0-9.])[0-9]{1,4}|[一二两三四五六七八九十几]{1,5})\s{0,3}(?:个)?(月|周|天)大"#,
        needs: ["大"])
    /// A baby's age said before the word for the child: 两个月的宝宝, 20天的婴儿.
    private static let chineseAgeBeforeChild = Pattern(
        #"((?<![0-9.])[0-9]{1,2}|[一二两三四五六七八九十几]{1,3})\s{0,3}(?:个多|个半|个)?(月|周|天)(?:大)?的\s{0,3}(?:"# + childWords + ")",
        needs: ["的"])
    private static let chineseSinceBirth = Pattern(
        #"出生\s{0,3}((?<![0-9.])[0-9]{1,4}|[一二两三四五六七八九十几]{1,5})\s{0,3}(?:个)?(月|周|天)"#,
        needs: ["出生"])
    /// A baby's age right after the word for the child: 孩子才两个月, 宝宝刚满20天, 儿子三个月 (a bare number of days or
    /// weeks needs 才/刚/满 or a pause after it, 宝宝五十天，…: 孩子三天了 is more often how long something has lasted).
    private static let chineseChildAge = Pattern(
        "(?:" + childWords + #")(才|刚|刚满|满|只有|还不到|不到)?\s{0,3}([0-9]{1,2}|[一二两三四五六七八九十几]{1,3})\s{0,3}(个多月|个半月|个月|周|天)([，,。]?)"#,
        needs: childWords.split(separator: "|").map(String.init))
    /// The words for a child that a baby's age is said next to.
    private static let childWords = "孩子|宝宝|婴儿|儿子|女儿|宝贝|小孩|闺女|孙子|孙女"
    /// 三十八度五, 三十九度: temperatures in Chinese numerals.
    private static let chineseTemperature = Pattern(#"([三四]十[一二三四五六七八九]?)度([一二三四五六七八九])?"#, needs: ["度"])
    private static let englishAgeOld = Pattern(
        #"((?<![0-9.])[0-9]{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]+(years?|months?|weeks?|days?)[\s-]+old"#,
        needs: ["old"])
    // The clinical reader's text has no apostrophes and folds plurals ("she's" reads "she"), so all three spellings count.
    private static let englishStatedAge = Pattern(
        #"\b(?:aged?|i am|i'?m|he is|she is|he'?s|she'?s?)\s+([0-9]{1,3})\b"#,
        needs: ["age", "i am", "i'm", "im ", "he is", "she is", "he's", "she", "hes "])
}
