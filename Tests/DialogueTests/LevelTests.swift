import Clinical
import Testing
@testable import Dialogue

/// How soon when no red flag holds, from the knowledge's level rules (`levels.jsonl`): each rule, its reason, and
/// routine when none holds.
struct LevelTests {
    static func level(_ text: String) -> (TriageResult.Level, String)? {
        var facts = Facts()
        facts.merge(BuiltInUnderstanding().understand(text, today: .monday).facts, text: text)
        return Triage.assess(facts, departments: DemoDepartments.bySpecialty).map { ($0.level, $0.reason) }
    }

    @Test(arguments: [
        ("发烧39度5，两天了", TriageResult.Level.urgent, "high_fever"), ("胸口有点疼", .urgent, "chest_pain"),
        ("宝宝8个月，发烧38度", .urgent, "infant_fever"), ("肚子疼得厉害，一天了", .urgent, "severe_pain"),
        ("怀孕五个月，这两天咳嗽", .urgent, "pregnancy"), ("老人心慌，三天了", .urgent, "palpitations"),
        ("流鼻涕，嗓子有点疼，两天了", .selfCare, "mild_cold"), ("膝盖疼了半年了", .routine, "routine"),
    ])
    func eachRuleGivesItsLevel(text: String, level: TriageResult.Level, reason: String) throws {
        let got = try #require(Self.level(text))
        #expect(got.0 == level && got.1 == reason, "\(text): \(got)")
    }

    /// Self-care is only for a cold that is mild, short and not in the very young or old.
    @Test(arguments: ["流鼻涕，嗓子有点疼，一个星期了", "孩子两岁，流鼻涕两天了", "爷爷流鼻涕两天了", "流鼻涕，发烧38度"])
    func selfCareHasItsLimits(text: String) throws {
        #expect(try #require(Self.level(text)).0 != .selfCare, "\(text)")
    }

    /// The first rule that holds wins, in the file's order (a high fever before the pregnancy rule).
    @Test func firstRuleWins() {
        let rules = ClinicalKnowledge.shipped.levels.map(\.reason)
        #expect(rules.first == "high_fever" && rules.last == "mild_cold")
        #expect(Self.level("怀孕五个月，发烧39度")?.1 == "high_fever")
    }
}
