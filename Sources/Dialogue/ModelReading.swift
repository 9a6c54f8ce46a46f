import Clinical
import Foundation

/// What a model answers about one message, under the schema it is sent: the intent, the findings present and absent
/// by the knowledge's codes, and the numbers. Validated and merged into the built-in reading so that the model can
/// add understanding but never take any away.
struct ModelReading: Decodable {
    let intent: String?
    let present: [String]?
    let absent: [String]?
    let durationDays: Double?
    let temperature: Double?
    let age: Double?
    let daysFromToday: Int?
    let period: String?
    let choice: Int?

    /// The JSON schema sent with each request: codes and intents as enums, numbers bounded.
    static func schema(codes: [String], periods: [String]) -> [String: Any] {
        func nullable(_ type: String, _ minimum: Double, _ maximum: Double) -> [String: Any] {
            ["type": [type, "null"], "minimum": minimum, "maximum": maximum]
        }
        let list: [String: Any] = ["type": "array", "maxItems": 8, "items": ["type": "string", "enum": codes]]
        return [
            "type": "object", "additionalProperties": false,
            "required": ["intent", "present", "absent", "durationDays", "temperature", "age", "daysFromToday", "period", "choice"],
            "properties": [
                "intent": ["type": "string", "enum": intents.map(\.rawValue)], "present": list, "absent": list,
                "durationDays": nullable("number", 0, 3_650), "temperature": nullable("number", 34, 43), "age": nullable("number", 0, 120),
                "daysFromToday": nullable("integer", 0, 30), "period": ["type": ["string", "null"], "enum": periods + [NSNull()]],
                "choice": nullable("integer", 1, 10),
            ] as [String: Any],
        ]
    }

    /// The built-in reading with what the model added: findings it names that the built-in one did not (never
    /// removing one the built-in reading found present), an intent where the built-in one only saw a statement or a
    /// question, numbers the built-in one did not find — each only if valid. Where the built-in reading found
    /// findings of its own, the model adds only those a red-flag rule reads (`alarming`): either reading can raise an
    /// emergency, but a model's guess does not move a department the patient's own words already decide.
    func merged(into own: Utterance, codes: Set<String>, alarming: Set<String>, periods: Set<String>) -> Utterance {
        var utterance = own
        let allowed = own.facts.symptoms.isEmpty ? codes : codes.intersection(alarming)
        let added = (present ?? []).filter { allowed.contains($0) && !own.facts.symptoms.contains($0) && !own.facts.negated.contains($0) }
        utterance.facts.symptoms += Self.unique(added)
        let denied = (absent ?? []).filter { codes.contains($0) && !utterance.facts.symptoms.contains($0) && !own.facts.negated.contains($0) }
        utterance.facts.negated += Self.unique(denied)
        if [.statement, .question].contains(own.intent), let intent = intent.flatMap(Utterance.Intent.init(rawValue:)), Self.intents.contains(intent)
        {
            utterance.intent = intent
        }
        if own.facts.durationDays == nil, let days = durationDays, (0...3_650).contains(days) { utterance.facts.durationDays = days }
        if own.facts.temperature == nil, let degrees = temperature, (34...43).contains(degrees) { utterance.facts.temperature = degrees }
        if own.facts.ageYears == nil, let years = age, (0...120).contains(years) {
            utterance.facts.ageYears = years
            if years < 14 { utterance.facts.isChild = true }
        }
        if own.daysFromToday == nil, let days = daysFromToday, (0...30).contains(days) { utterance.daysFromToday = days }
        if own.period == nil, let period, periods.contains(period) { utterance.period = period }
        if own.choiceIndex == nil, let choice, (1...10).contains(choice) { utterance.choiceIndex = choice - 1 }
        return utterance
    }

    /// The intents a model may give; the handoff to a person and the like stay the built-in engine's to decide.
    static let intents: [Utterance.Intent] = [
        .greeting, .thanks, .affirm, .deny, .change, .book, .cancel, .reschedule, .otherDoctor, .otherDepartment, .arrived, .queueStatus,
        .directions, .reportTime, .question, .statement,
    ]

    private static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
