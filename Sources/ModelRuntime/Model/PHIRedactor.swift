import Foundation

/// Replaces what identifies a person with numbered placeholders before text leaves for a remote model, and puts
/// them back in the answer: known names and names introduced in the text (我叫…, my name is …), mobile and landline
/// numbers, 18-digit 身份证号 with a correct check digit, addresses, record numbers (病历号, MRN).
public struct PHIRedactor: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case name = "NAME", phone = "PHONE", idNumber = "ID", address = "ADDRESS", recordNumber = "RECORD"
    }

    private(set) var originals: [String: String] = [:]
    private var placeholders: [String: String] = [:]
    private var counts: [Kind: Int] = [:]
    private let knownNames: [String]

    public init(knownNames: [String] = []) {
        // Longest first, so 王小宝 is replaced before a 王 that happens to be known.
        self.knownNames = knownNames.filter { $0.count >= 2 }.sorted { $0.count > $1.count }
    }

    /// The text with every identifier replaced; the same identifier gets the same placeholder each time.
    public mutating func redact(_ text: String) -> String {
        var result = text
        for name in knownNames { result = replace(name, in: result, as: .name) }
        for (kind, expression, checked) in Self.patterns {
            let matches = expression.matches(in: result, range: NSRange(result.startIndex..., in: result)).reversed()
            for match in matches {
                let group = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range
                guard let range = Range(group, in: result) else { continue }
                let found = String(result[range])
                if checked, !Self.hasValidCheckDigit(found) { continue }
                if kind == .name, found.count < 2 { continue }
                result.replaceSubrange(range, with: placeholder(for: found, kind: kind))
            }
        }
        return result
    }

    /// The text with placeholders replaced by what they stood for.
    public func restore(_ text: String) -> String {
        var result = text
        for (placeholder, original) in originals.sorted(by: { $0.key.count > $1.key.count }) {
            result = result.replacingOccurrences(of: placeholder, with: original)
        }
        return result
    }

    private mutating func replace(_ value: String, in text: String, as kind: Kind) -> String {
        guard text.contains(value) else { return text }
        return text.replacingOccurrences(of: value, with: placeholder(for: value, kind: kind))
    }

    private mutating func placeholder(for value: String, kind: Kind) -> String {
        if let existing = placeholders[value] { return existing }
        counts[kind, default: 0] += 1
        let placeholder = "[\(kind.rawValue)_\(counts[kind]!)]"
        placeholders[value] = placeholder
        originals[placeholder] = value
        return placeholder
    }

    /// GB 11643: the 18th character checks the first 17 with weights 2^(17-i) mod 11.
    static func hasValidCheckDigit(_ id: String) -> Bool {
        let characters = Array(id.uppercased())
        guard characters.count == 18 else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for index in 0..<17 {
            guard let digit = characters[index].wholeNumberValue else { return false }
            sum += digit * weights[index]
        }
        return Array("10X98765432")[sum % 11] == characters[17]
    }

    /// Kind, pattern (group 1 when it has one), and whether an 18-digit match must carry a valid check digit (a
    /// number said to be an ID is hidden even with a typo in it).
    private static let patterns: [(Kind, NSRegularExpression, Bool)] = [
        (.idNumber, regex(#"(?:身份证号?码?|证件号码?|ID number)[:：\s是为]*([0-9]{15,17}[0-9Xx])"#), false),
        (.idNumber, regex(#"(?<![0-9])([1-9][0-9]{16}[0-9Xx])(?![0-9])"#), true),
        (.recordNumber, regex(#"(?:病历号|住院号|门诊号|病案号|就诊卡号|MRN|mrn|medical record number)[:：#\s]*([A-Za-z0-9-]{4,})"#), false),
        (.phone, regex(#"(?<![0-9])(1[3-9][0-9]{9})(?![0-9])"#), false),
        (.phone, regex(#"(?<![0-9])(0[0-9]{2,3}-?[0-9]{7,8})(?![0-9])"#), false),
        (
            .address,
            regex(
                #"((?:[\p{Han}]{2,7}(?:省|自治区))?[\p{Han}]{2,7}(?:市|州)[\p{Han}]{1,7}(?:区|县)(?:[\p{Han}0-9]{1,12}(?:路|街|道|巷|村|镇))?(?:[0-9]{1,5}号)?(?:[0-9]{1,4}(?:栋|幢|单元|室|楼))*)"#
            ), false
        ),
        (.address, regex(#"(?:住在|家住|住址是?|地址是?)([\p{Han}0-9]{2,20}?(?:路|街|巷|村|小区|号|楼|室))"#), false),
        (.address, regex(#"([0-9]{1,5}\s+[A-Za-z]+(?:\s[A-Za-z]+)?\s(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd))\b"#), false),
        (.name, regex(#"(?:我叫|名字叫|名字是|姓名是?|患者姓名[:：]?)([\p{Han}]{2,4})"#), false),
        (.name, regex(#"(?i)(?:my name is|i'm called)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"#), false),
    ]

    private static func regex(_ pattern: String) -> NSRegularExpression {
        // Constants of this file; one that does not compile is a bug the first test catches.
        try! NSRegularExpression(pattern: pattern)
    }
}
