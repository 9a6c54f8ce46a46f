import Foundation

/// Vital signs said in an examination, written the record's way: 体温38度5 → T 38.5℃, 心率120 → P 120次/分,
/// 呼吸30次 → R 30次/分, 血压120/80 → BP 120/80mmHg, 血氧98 → SpO2 98%.
enum ChineseVitals {
    struct Found {
        let text: String
        /// Character range in the searched text.
        let range: Range<Int>
    }

    /// Every vital sign in `range` of the (folded) characters, in the order said.
    static func find(in characters: [Character], range: Range<Int>) -> [Found] {
        let segment = String(characters[range])
        var found: [Found] = []
        for (expression, write) in patterns {
            for result in expression.matches(in: segment, range: NSRange(segment.startIndex..., in: segment)) {
                guard let whole = Range(result.range, in: segment) else { continue }
                let groups = (0..<result.numberOfRanges).map { index in Range(result.range(at: index), in: segment).map { String(segment[$0]) } ?? ""
                }
                guard let text = write(groups) else { continue }
                let lower = segment.distance(from: segment.startIndex, to: whole.lowerBound)
                let upper = segment.distance(from: segment.startIndex, to: whole.upperBound)
                found.append(Found(text: text, range: (range.lowerBound + lower)..<(range.lowerBound + upper)))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static let patterns: [(NSRegularExpression, @Sendable ([String]) -> String?)] = [
        (
            Quantities.regex(#"(?:体温|(?<![a-z])t)\s*[:：是为]?\s*([0-9]{2}(?:\.[0-9])?)\s*(?:度|℃|°c)?([0-9])?"#),
            { groups in
                guard var value = Double(groups[1]) else { return nil }
                if let tenth = Double(groups[2]), !groups[1].contains(".") { value += tenth / 10 }
                return (34...43).contains(value) ? "T \(ChineseQuantities.formatted(value))℃" : nil
            }
        ),
        (
            Quantities.regex(#"(?:心率|脉搏|(?<![a-z])hr|(?<![a-z])p)\s*[:：是为]?\s*([0-9]{2,3})\s*(?:次/分|次每分|次|bpm)?"#),
            { groups in
                guard let value = Int(groups[1]), (30...250).contains(value) else { return nil }
                return "P \(value)次/分"
            }
        ),
        (
            Quantities.regex(#"(?:呼吸|(?<![a-z])r)\s*[:：是为]?\s*([0-9]{1,2})\s*(?:次/分|次每分|次)"#),
            { groups in
                guard let value = Int(groups[1]), (5...90).contains(value) else { return nil }
                return "R \(value)次/分"
            }
        ),
        (
            Quantities.regex(#"(?:血压|bp)[^0-9。；;！!？?\n]{0,6}?([0-9]{2,3})\s*/\s*([0-9]{2,3})\s*(?:mmhg|毫米汞柱)?"#),
            { groups in
                guard let high = Int(groups[1]), let low = Int(groups[2]), (50...260).contains(high), (20...160).contains(low) else { return nil }
                return "BP \(high)/\(low)mmHg"
            }
        ),
        (
            Quantities.regex(#"(?:血氧饱和度|氧饱和度|血氧|spo2)\s*[:：是为]?\s*([0-9]{2,3})\s*%?"#),
            { groups in
                guard let value = Int(groups[1]), (50...100).contains(value) else { return nil }
                return "SpO2 \(value)%"
            }
        ),
    ]
}
