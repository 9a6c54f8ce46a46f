import Foundation

/// One labelled first message: the department it should go to, or whether it is a red flag.
public struct TriageCase: Sendable, Decodable {
    public let id: String?
    public let text: String
    public let department: String?
    public let redFlag: Bool?
    public let category: String?

    /// Cases from JSON Lines, one object per line.
    public static func readLines(_ data: Data) throws -> [TriageCase] {
        try String(decoding: data, as: UTF8.self).split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { try JSONDecoder().decode(TriageCase.self, from: Data($0.utf8)) }
    }
}

/// Triage of first messages against their labels: department accuracy per language and per department, the
/// confusion pairs, red-flag recall and false alarms on near misses.
public struct TriageEvaluation: Sendable {
    let departments: [String: String]
    let understanding: any Understanding
    /// Right and total per language, per expected department; the confusions as "expected → got"; the red-flag
    /// counts; and every miss in words.
    public private(set) var byLanguage: [Language: (right: Int, total: Int)] = [:]
    public private(set) var byDepartment: [String: (right: Int, total: Int)] = [:]
    public private(set) var confusions: [String: Int] = [:]
    public private(set) var flagsCaught = 0, flagsTotal = 0, falseAlarms = 0, nearMisses = 0
    public private(set) var misses: [String] = []

    /// `departments` maps specialties to the hospital's department ids (the directory's, or the demo hospital's).
    /// `understanding` is the engine measured (the built-in one unless told).
    public init(departments: [String: String], understanding: any Understanding = BuiltInUnderstanding()) {
        self.departments = departments
        self.understanding = understanding
    }

    /// Triages the case's text as a first message and counts the outcome.
    public mutating func add(_ item: TriageCase) async {
        let utterance = await understanding.understand(item.text, today: Today(year: 2026, month: 12, day: 7))
        var facts = Facts()
        facts.merge(utterance.facts, text: item.text)
        let triage = Triage.assess(facts, departments: departments)
        func miss(_ what: String) {
            misses.append("\(what): \(item.text)\(Self.read(facts, flags: triage?.redFlags.map(\.id) ?? []))")
        }
        if let redFlag = item.redFlag {
            let alarmed = triage?.level == .emergency
            if redFlag {
                flagsTotal += 1
                if alarmed { flagsCaught += 1 } else { miss("missed red flag") }
            } else {
                nearMisses += 1
                if alarmed {
                    falseAlarms += 1
                    miss("false alarm")
                }
            }
        }
        guard let expected = item.department else { return }
        let got = triage?.departmentId ?? "none"
        let right = got == expected
        let language = utterance.language
        byLanguage[language, default: (0, 0)].total += 1
        byDepartment[expected, default: (0, 0)].total += 1
        if right {
            byLanguage[language, default: (0, 0)].right += 1
            byDepartment[expected, default: (0, 0)].right += 1
        } else {
            confusions["\(expected) → \(got)", default: 0] += 1
            miss("\(expected) → \(got)")
        }
    }

    /// What was read, for a miss: the findings present, absent (no …) and past (was …), and the red flags raised.
    private static func read(_ facts: Facts, flags: [String]) -> String {
        let findings = facts.symptoms + facts.negated.map { "no " + $0 } + (facts.past ?? []).map { "was " + $0 }
        return "  ⟨\(findings.joined(separator: " ")) · flags: \(flags.isEmpty ? "none" : flags.joined(separator: " "))⟩"
    }

    /// Department accuracy in a language (nil when it had no cases).
    public func accuracy(_ language: Language) -> Double? {
        byLanguage[language].flatMap { $0.total == 0 ? nil : Double($0.right) / Double($0.total) }
    }

    public var recall: Double? { flagsTotal == 0 ? nil : Double(flagsCaught) / Double(flagsTotal) }
    public var falseAlarmRate: Double? { nearMisses == 0 ? nil : Double(falseAlarms) / Double(nearMisses) }

    /// The table `companion eval-triage` prints.
    public var report: String {
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
        var lines: [String] = []
        for language in Language.allCases {
            guard let counts = byLanguage[language] else { continue }
            lines.append("department right (\(language.rawValue)): \(percent(accuracy(language)))  (\(counts.right)/\(counts.total))")
        }
        if !byDepartment.isEmpty {
            lines.append("per department:")
            for (department, counts) in byDepartment.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(department.padding(toLength: 24, withPad: " ", startingAt: 0)) \(counts.right)/\(counts.total)")
            }
            lines.append("most frequent confusions:")
            for (pair, count) in confusions.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(12) {
                lines.append("  \(count)× \(pair)")
            }
        }
        if flagsTotal + nearMisses > 0 {
            lines.append("red-flag recall: \(percent(recall))  (\(flagsCaught)/\(flagsTotal))")
            lines.append("false alarms on near misses: \(percent(falseAlarmRate))  (\(falseAlarms)/\(nearMisses))")
        }
        return lines.joined(separator: "\n")
    }
}
