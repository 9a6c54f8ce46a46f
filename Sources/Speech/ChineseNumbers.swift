/// Numbers said the Chinese way.
enum ChineseNumbers {
    static let digitNames: [String] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// Digit by digit, with 1 said 幺 as in phone numbers ("120" → 幺二零) when `phone` is set.
    static func digits(_ digits: some StringProtocol, phone: Bool = false) -> String {
        String(digits.compactMap(\.wholeNumberValue).map { phone && $0 == 1 ? "幺" : digitNames[$0] }.joined())
    }

    /// A whole number in words ("10086" → "一万零八十六", "15" → "十五"); digit by digit past 16 digits or with a
    /// leading zero.
    static func integer(_ digits: String) -> String {
        guard digits.count <= 16, !(digits.count > 1 && digits.hasPrefix("0")) else { return Self.digits(digits) }
        let values = digits.compactMap(\.wholeNumberValue)
        var groups: [Int] = []
        var end = values.count
        while end > 0 {
            let start = max(0, end - 4)
            groups.insert(values[start..<end].reduce(0) { $0 * 10 + $1 }, at: 0)
            end = start
        }
        let bigUnits = ["", "万", "亿", "万亿"]
        var result = ""
        var skippedZero = false
        for (index, group) in groups.enumerated() {
            if group == 0 {
                if !result.isEmpty { skippedZero = true }
                continue
            }
            if !result.isEmpty && (group < 1000 || skippedZero) { result += "零" }
            skippedZero = false
            result += small(group) + bigUnits[groups.count - 1 - index]
        }
        if result.isEmpty { return "零" }
        return result.hasPrefix("一十") ? String(result.dropFirst()) : result
    }

    /// "38.5" → "三十八点五": the whole part in words, the fraction digit by digit.
    static func decimal(whole: String, fraction: String) -> String {
        integer(whole) + (fraction.isEmpty ? "" : "点" + Self.digits(fraction))
    }

    /// 2 before a measure word is 两 (两个, 两天, 两点), elsewhere 二 (二楼, 二号).
    static func counted(_ digits: String, before next: Substring) -> String {
        guard digits == "2" else { return integer(digits) }
        return measureWords.contains(where: { next.hasPrefix($0) }) ? "两" : "二"
    }

    static let measureWords = [
        "个", "次", "天", "周", "岁", "位", "名", "小时", "片", "粒", "袋", "瓶", "盒", "张", "种", "年", "杯", "顿", "点",
        "分钟", "支", "颗", "遍", "层", "项",
    ]

    /// 0–9999 in words.
    private static func small(_ value: Int) -> String {
        let places = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
        var result = ""
        var pendingZero = false
        for (place, name) in places {
            let digit = value / place % 10
            if digit == 0 {
                pendingZero = !result.isEmpty
                continue
            }
            if pendingZero { result += "零" }
            pendingZero = false
            result += digitNames[digit] + name
        }
        return result
    }
}
