import Foundation
import Testing
@testable import Dialogue

/// Department accuracy on ../shared/data/triage_zh.dev.jsonl (skipped where the folder is absent). A sub-department
/// and its 内科 name count as equal (消化科 = 消化内科). Run with SHOW_MISSES=1 to list the misses.
struct TriageAccuracyTests {
    static let dataFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/triage_zh.dev.jsonl").standardized

    static let labels: [String: String] = [
        "心血管科": "dept_cardiology", "消化科": "dept_gastroenterology", "神经科": "dept_neurology", "内分泌科": "dept_endocrinology",
        "呼吸科": "dept_respiratory", "肾内科": "dept_nephrology", "感染科": "dept_infectious", "血液科": "dept_hematology",
        "肝病科": "dept_hepatology", "普通内科": "dept_general-medicine",
    ]

    struct Case: Decodable { let text: String; let department: String }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: dataFile.path)))
    func departmentAccuracyIsAtLeast80Percent() throws {
        let cases = try String(contentsOf: Self.dataFile, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
        var correct = 0
        var truePositives: [String: Int] = [:], predicted: [String: Int] = [:], actual: [String: Int] = [:]
        for item in cases {
            guard let expected = Self.labels[item.department] else { continue }
            var facts = Facts()
            facts.merge(BuiltInUnderstanding().understand(item.text, today: .monday).facts, text: item.text)
            // The data labels specialties, also for children and pregnant women, so the specialty is measured here,
            // before the age and pregnancy routing (tested in TriageTests); red flags are measured by RedFlagTests.
            let department = Triage.specialties(for: Facts.specialtyOnly(facts)).first.flatMap { DemoDepartments.bySpecialty[$0] } ?? "none"
            actual[expected, default: 0] += 1
            predicted[department, default: 0] += 1
            if department != expected, ProcessInfo.processInfo.environment["SHOW_MISSES"] != nil {
                print("MISS \(expected) -> \(department): \(item.text.prefix(60).replacingOccurrences(of: "\n", with: " "))")
            }
            if department == expected {
                correct += 1
                truePositives[expected, default: 0] += 1
            }
        }
        let accuracy = Double(correct) / Double(cases.count)
        let f1s = Self.labels.values.map { label -> Double in
            let tp = Double(truePositives[label] ?? 0)
            let precision = tp / Double(max(predicted[label] ?? 0, 1))
            let recall = tp / Double(max(actual[label] ?? 0, 1))
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
        let macroF1 = f1s.reduce(0, +) / Double(f1s.count)
        print(
            "triage_zh.dev: \(cases.count) questions, accuracy \(String(format: "%.1f", accuracy * 100))%, macro-F1 \(String(format: "%.3f", macroF1))"
        )
        #expect(accuracy >= 0.8)
    }
}

extension Facts {
    /// The facts without who is ill, so the specialty is measured before routing.
    static func specialtyOnly(_ facts: Facts) -> Facts {
        var plain = facts
        plain.isChild = false
        plain.ageYears = nil
        plain.symptoms.removeAll { $0 == "pregnancy" }
        return plain
    }
}
