/// Reads a number where a text's characters start one: Arabic digits with a decimal part (38.5, and 38度5 as
/// thermometers are read aloud), or Chinese numerals (一百八十, colloquial 一百八 = 180, 三十八度五, 三十八点五). Words of
/// approximation after it (多, 来, 几) are left to the caller. Bounded: a number is at most `longest` characters.
enum NumberReading {
    static let longest = 12

    /// The number starting at `start` and the index after it; nil when none starts there.
    static func number(in text: [Character], at start: Int) -> (value: Double, end: Int)? {
        guard start < text.count else { return nil }
        if text[start].isASCII, text[start].isNumber { return arabic(in: text, at: start) }
        if chineseDigit(text[start]) != nil || text[start] == "十" { return chinese(in: text, at: start) }
        return nil
    }

    private static func arabic(in text: [Character], at start: Int) -> (value: Double, end: Int)? {
        var index = start
        var digits = ""
        while index < text.count, index - start < longest, text[index].isASCII, text[index].isNumber {
            digits.append(text[index])
            index += 1
        }
        if index + 1 < text.count, text[index] == "." || text[index] == "度", text[index + 1].isASCII, text[index + 1].isNumber {
            digits.append(".")
            index += 1
            while index < text.count, index - start < longest, text[index].isASCII, text[index].isNumber {
                digits.append(text[index])
                index += 1
            }
        }
        return Double(digits).map { ($0, index) }
    }

    private static func chinese(in text: [Character], at start: Int) -> (value: Double, end: Int)? {
        var index = start
        var total = 0.0
        var pending: Double?
        var lastUnit = 1.0
        while index < text.count, index - start < longest {
            let character = text[index]
            if let digit = chineseDigit(character) {
                pending = Double(digit)
            } else if character == "十" || character == "百" {
                let unit = character == "十" ? 10.0 : 100.0
                total += (pending ?? 1) * unit
                pending = nil
                lastUnit = unit
            } else {
                break
            }
            index += 1
        }
        // 一百八 is 180: a digit after a hundred counts tens.
        if let pending { total += lastUnit == 100 ? pending * 10 : pending }
        guard index > start else { return nil }
        if index + 1 < text.count, text[index] == "点" || text[index] == "度", let tenth = chineseDigit(text[index + 1]) {
            return (total + Double(tenth) / 10, index + 2)
        }
        return (total, index)
    }

    private static func chineseDigit(_ character: Character) -> Int? {
        switch character {
        case "零", "〇": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }
}
