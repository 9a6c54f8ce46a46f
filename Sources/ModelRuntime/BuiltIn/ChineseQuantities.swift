/// Durations and temperatures in Chinese consultation text, found with their positions and written the way records
/// write them: 一个星期 → 1周, 十多天 and 十来天 → 10余天, 38度5 → 38.5℃.
enum ChineseQuantities {
    struct Found: Sendable {
        let range: Range<Int>
        let text: String
        let value: Double
    }

    /// Every duration in characters `range` of `characters`: 3天, 两周, 一个星期, 半个月, 10余天, 第七天.
    static func durations(in characters: [Character], range: Range<Int>) -> [Found] {
        var found: [Found] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard let (unit, unitLength, days) = unit(at: index, in: characters, end: range.upperBound) else {
                index += 1
                continue
            }
            var start = index
            var approximate = false
            // 十多天, 十来天: about ten days.
            while start > range.lowerBound, "个多余来".contains(characters[start - 1]) {
                if characters[start - 1] != "个" { approximate = true }
                start -= 1
            }
            let numberEnd = start
            while start > range.lowerBound, numeral.contains(characters[start - 1]) { start -= 1 }
            var after = index + unitLength
            defer { index = after }
            guard start < numberEnd, let amount = number(String(characters[start..<numberEnd])) else { continue }
            if after < range.upperBound, "多余".contains(characters[after]) { approximate = true; after += 1 }
            if after < range.upperBound, characters[after] == "大" { continue }
            if start > range.lowerBound, characters[start - 1] == "每" { continue }
            let tail = characters[after..<min(after + 3, range.upperBound)]
            if tail.contains("次") || tail.contains("顿") || tail.contains("包") || tail.contains("片") { continue }
            if unit == "年", amount > 50 { continue }
            let written = amount == 0.5 ? "半" : formatted(amount)
            found.append(Found(range: start..<after, text: written + unit + (approximate ? "余" : ""), value: amount * days))
        }
        return found
    }

    /// Every body temperature in characters `range`: 38.5, 39度, 38度5, 39℃, 烧到39.
    static func temperatures(in characters: [Character], range: Range<Int>) -> [Found] {
        var found: [Found] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard characters[index].isASCII, characters[index].isNumber, index == range.lowerBound || !characters[index - 1].isNumber else {
                index += 1
                continue
            }
            var end = index
            while end < range.upperBound, characters[end].isNumber || characters[end] == "." { end += 1 }
            var text = String(characters[index..<end])
            var after = end
            var hasUnit = false
            if after < range.upperBound, "度℃°".contains(characters[after]) {
                hasUnit = true
                after += 1
                if after < range.upperBound, characters[after].isASCII, characters[after].isNumber, !text.contains(".") {
                    text += "." + String(characters[after])
                    after += 1
                }
            }
            let before = String(characters[max(range.lowerBound, index - 3)..<index])
            let named = ["烧", "体温", "温度", "热"].contains(where: before.includes)
            if let value = Double(text), (35...42.5).contains(value), hasUnit || named {
                found.append(Found(range: index..<after, text: formatted(value) + "℃", value: value))
            }
            index = max(after, index + 1)
        }
        return (found + temperaturesInWords(in: characters, range: range)).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Temperatures said in Chinese numerals: 三十九度, 三十八度五.
    private static func temperaturesInWords(in characters: [Character], range: Range<Int>) -> [Found] {
        var found: [Found] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard characters[index] == "三" || characters[index] == "四", index + 2 < range.upperBound, characters[index + 1] == "十" else {
                index += 1
                continue
            }
            var end = index + 2
            if end < range.upperBound, digits[characters[end]] != nil { end += 1 }
            guard end < range.upperBound, characters[end] == "度", var value = number(String(characters[index..<end])) else {
                index += 1
                continue
            }
            var after = end + 1
            if after < range.upperBound, let tenth = digits[characters[after]] {
                value += Double(tenth) / 10
                after += 1
            }
            if (35...42.5).contains(value) { found.append(Found(range: index..<after, text: formatted(value) + "℃", value: value)) }
            index = after
        }
        return found
    }

    private static let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

    /// The patient's age as records write it (3岁, 4岁半, 7个月, 20天), when said with a word for the child or 大.
    static func age(in characters: [Character], range: Range<Int>) -> Found? {
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            let character = characters[index]
            guard character == "岁" || character == "月" || character == "天" else { continue }
            var start = index
            if character == "月" {
                guard start > range.lowerBound, characters[start - 1] == "个" else { continue }
                start -= 1
            }
            let numberEnd = start
            while start > range.lowerBound, numeral.contains(characters[start - 1]), characters[start - 1] != "半" { start -= 1 }
            guard start < numberEnd, let amount = number(String(characters[start..<numberEnd])) else { continue }
            var end = index + 1
            let half = end < range.upperBound && characters[end] == "半"
            if half { end += 1 }
            let before = String(characters[max(range.lowerBound, start - 3)..<start])
            let after = end < range.upperBound ? characters[end] : " "
            let following = String(characters[end..<min(range.upperBound, end + 2)])
            // "两个月零28天的宝宝": the months begin the age.
            let named =
                ChineseReading.ageCues.contains(where: before.includes) || after == "大" || after == "的" || (character == "月" && after == "零")
                || ChineseReading.ageCues.contains(where: following.hasPrefix)
            guard character == "岁" ? amount < 120 : named else { continue }
            let unit = character == "岁" ? "岁" : character == "月" ? "个月" : "天"
            return Found(range: start..<end, text: formatted(amount) + unit + (half ? "半" : ""), value: amount)
        }
        return nil
    }

    private static let numeral: Set<Character> = Set("0123456789.一二两三四五六七八九十几半")

    private static func unit(at index: Int, in characters: [Character], end: Int) -> (String, Int, Double)? {
        func next(_ offset: Int) -> Character? { index + offset < end ? characters[index + offset] : nil }
        switch characters[index] {
        case "天": return ("天", 1, 1)
        case "周":
            if let following = next(1), "一二三四五六日末岁".contains(following) { return nil }
            return ("周", 1, 7)
        case "星", "礼":
            guard next(1) == (characters[index] == "星" ? "期" : "拜") else { return nil }
            if let following = next(2), "一二三四五六日天".contains(following) { return nil }
            return ("周", 2, 7)
        case "月":
            guard index > 0, "个半多".contains(characters[index - 1]) else { return nil }
            return ("个月", 1, 30)
        case "年": return ("年", 1, 365)
        case "小":
            guard next(1) == "时" else { return nil }
            return ("小时", 2, 1.0 / 24)
        default: return nil
        }
    }

    private static func number(_ text: String) -> Double? {
        if text == "半" { return 0.5 }
        if text.contains("几") { return nil }
        return Quantities.number(text)
    }

    static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
