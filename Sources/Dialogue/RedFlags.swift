import Clinical

/// A sign that the patient may need emergency care now.
public struct RedFlag: Sendable, Codable, Equatable {
    public let id: String
    public let zh: String
    public let en: String
}

/// The red-flag rules of the clinical knowledge (`red-flags.jsonl`), read over everything known. They read only
/// findings said to be present now and not mild, so 没有胸痛, 去年中风过 and 有一点血丝 never fire.
enum RedFlags {
    static func evaluate(_ situation: Situation, knowledge: ClinicalKnowledge = .shipped) -> [RedFlag] {
        var seen = Set<String>()
        return knowledge.redFlags.filter { $0.holds(in: situation) && seen.insert($0.id).inserted }.map { RedFlag(id: $0.id, zh: $0.zh, en: $0.en) }
    }

    /// The question that decides a rule half-met (chest pain, but sweating or breathlessness not said yet), unless
    /// already asked.
    static func decidingQuestion(_ facts: Facts, asked: [String], knowledge: ClinicalKnowledge = .shipped) -> String? {
        let situation = facts.situation
        return knowledge.redFlags.first { rule in rule.isOpen(in: situation) && !asked.contains(rule.ask ?? "") }?.ask
    }
}
