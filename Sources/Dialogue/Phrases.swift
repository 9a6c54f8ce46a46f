import Foundation
import Clinical
import Wording

/// What the companion says, from the message catalog (`Wording`): the hospital's own wording for this turn when the
/// policy sets `catalog` (a task-local), else the shipped catalog.
enum Phrases {
    @TaskLocal static var catalog = MessageCatalog.shipped
    /// The hospital's time zone for this turn, in which instants are written.
    @TaskLocal static var timeZone = chinaStandardTime
    static let chinaStandardTime = TimeZone(identifier: "Asia/Shanghai")!

    private static func text(_ id: String, _ l: Language, _ values: [String: String] = [:]) -> String {
        catalog.text(id, l.rawValue, values)
    }

    /// The catalog's entry `id` in the language, its parameters filled.
    static func say(_ id: String, _ l: Language, _ values: [String: String] = [:]) -> String { text(id, l, values) }

    static func greeting(_ l: Language) -> String { text("greeting", l) }

    /// A follow-up question's wording, from the clinical knowledge (`questions.jsonl`).
    static func followUp(_ id: String, _ l: Language) -> String {
        let question = ClinicalKnowledge.shipped.questions[id] ?? ClinicalKnowledge.shipped.questions["complaint"]!
        return l.pick(question.zh, question.en)
    }

    static func levelAdvice(_ triage: TriageResult, _ l: Language) -> String {
        switch triage.level {
        case .emergency: ""
        case .urgent: text("level.urgent", l)
        case .routine: text("level.routine", l)
        case .selfCare: text("level.self_care", l)
        }
    }

    static func emergency(_ flags: [RedFlag], place: Place?, _ l: Language) -> String {
        let signs = flags.map { l == .zh ? $0.zh : $0.en }.joined(separator: l.pick("、", ", "))
        let where_ = place.map { text("emergency.where", l, ["whereabouts": whereabouts($0, l)]) } ?? ""
        return text("emergency.advice", l, ["signs": signs, "where": where_])
    }

    static func handoff(_ l: Language) -> String { text("handoff", l) }

    static func notUnderstood(_ l: Language) -> String { text("not_understood", l) }

    static func notKnown(_ l: Language) -> String { text("not_known", l) }

    static func place(_ place: Place, _ l: Language) -> String {
        text("place", l, ["name": place.name, "whereabouts": whereabouts(place, l)])
    }

    /// Where a place is, leaving out the parts a hospital does not give (not every hospital has zones).
    static func whereabouts(_ place: Place, _ l: Language) -> String {
        let parts = [("place.building", place.building), ("place.floor", place.floor), ("place.zone", place.zone), ("place.room", place.room)]
            .compactMap { id, value in value.isEmpty ? nil : text(id, l, ["value": value]) }
        return l.pick(parts.joined(), parts.joined(separator: ", "))
    }
}
