import Foundation

/// A medicine's dose and frequency as a doctor says them after its name ("布洛芬，每次5ml，每8小时一次"), written the
/// way a prescription line reads: 5ml，每8小时1次.
enum ChineseDosing {
    struct Found {
        let text: String
        /// Character ranges (in the searched turn) of the dose and the frequency.
        let ranges: [Range<Int>]
    }

    /// The dose and frequency said in `range` of the characters, if any.
    static func find(in characters: [Character], range: Range<Int>) -> Found? {
        let segment = String(characters[range])
        var parts: [String] = []
        var ranges: [Range<Int>] = []
        if let match = first(dose, in: segment) {
            parts.append(number(match.groups[1]) + match.groups[2])
            ranges.append(offset(match.range, in: segment, from: range.lowerBound))
        }
        if let match = first(perWeek, in: segment) {
            // 甲氨蝶呤每周一次: a weekly dose, never a daily one.
            parts.append("每周" + number(match.groups[1]) + "次")
            ranges.append(offset(match.range, in: segment, from: range.lowerBound))
        } else if let match = first(perDay, in: segment) {
            parts.append("每日" + number(match.groups[1]) + "次")
            ranges.append(offset(match.range, in: segment, from: range.lowerBound))
        } else if let match = first(everyHours, in: segment) {
            parts.append("每" + number(match.groups[1]) + "小时1次")
            ranges.append(offset(match.range, in: segment, from: range.lowerBound))
        } else if let match = first(oncePerDay, in: segment) {
            // 每天早上, 每晚, 睡前: once a day, at the time said.
            parts.append(match.groups[1].hasPrefix("睡") ? "睡前1次" : match.groups[1].contains("晚") ? "每晚1次" : "每日1次")
            ranges.append(offset(match.range, in: segment, from: range.lowerBound))
        } else if let match = first(latin, in: segment) {
            parts.append(match.groups[1])
            ranges.append(offset(match.range, in: segment, from: range.lowerBound))
        }
        return parts.isEmpty ? nil : Found(text: parts.joined(separator: "，"), ranges: ranges)
    }

    /// Whether a dose (a number with its unit) starts at `start`, spaces aside.
    static func startsWithADose(_ characters: [Character], at start: Int) -> Bool {
        let segment = String(characters[start..<min(start + 8, characters.count)])
        return first(dose, in: segment).map { $0.range.lowerBound == segment.startIndex } ?? false
    }

    private struct Match {
        let range: Range<String.Index>
        let groups: [String]
    }

    private static func first(_ expression: NSRegularExpression, in text: String) -> Match? {
        guard let result = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(result.range, in: text)
        else { return nil }
        let groups = (0..<result.numberOfRanges).map { index in Range(result.range(at: index), in: text).map { String(text[$0]) } ?? "" }
        return Match(range: range, groups: groups)
    }

    private static func offset(_ range: Range<String.Index>, in text: String, from start: Int) -> Range<Int> {
        let lower = text.distance(from: text.startIndex, to: range.lowerBound), upper = text.distance(from: text.startIndex, to: range.upperBound)
        return (start + lower)..<(start + upper)
    }

    private static func number(_ text: String) -> String {
        if text == "半" { return "0.5" }
        return Quantities.number(text).map(ChineseQuantities.formatted) ?? text
    }

    private static let dose = Quantities.regex(
        #"([0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十半]+)\s*(mg|ml|毫升|毫克|微克|μg|ug|mcg|国际单位|单位|iu|片|袋|粒|包|滴|克|g)(?![a-z])"#)
    private static let perWeek = Quantities.regex(#"(?:每周|一周|每星期|一星期|每个星期|每礼拜|一个礼拜)\s*([0-9一二两三]+)\s*次"#)
    private static let perDay = Quantities.regex(#"(?:每天|一天|每日|一日|日)\s*([0-9一二两三四]+)\s*次"#)
    private static let everyHours = Quantities.regex(#"每\s*([0-9一二两三四五六七八十]+)\s*个?小时"#)
    private static let oncePerDay = Quantities.regex(#"(?:每天|每日|一天|每晚)?(早上|早晨|晨起|晚上|每晚|每早|睡前)"#)
    private static let latin = Quantities.regex(#"\b(tid|bid|qd|qid|qn|q[0-9]+h)\b"#)
}
