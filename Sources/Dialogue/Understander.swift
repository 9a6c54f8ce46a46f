import Clinical
import ModelRuntime

/// The built-in understanding: the clinical knowledge (`Clinical`) for what is wrong, and the conversation words
/// (`Knowledge/conversation-words.jsonl`) with small parsers for time, choices, places and intents, in Chinese and English, no model. Turns a message into an `Utterance`. Made to be
/// replaceable: the conversation asks an `Understanding` for utterances, not this type.
public protocol Understanding: Sendable {
    /// Understands `text`; `today` (the hospital's date) anchors 明天, 下周三, 12月16日, next Monday.
    func understand(_ text: String, today: Today) -> Utterance
}

public struct BuiltInUnderstanding: Understanding {
    let reader: ClinicalReader
    let words: ConversationWords

    public init(reader: ClinicalReader = .shipped) {
        self.reader = reader
        words = .shipped
    }

    public func understand(_ text: String, today: Today) -> Utterance {
        let normalized = reader.normalized(text)
        let reading = reader.read(normalized: normalized)
        let plain = String(normalized)
        var utterance = Utterance(language: Language.detect(text), intent: .statement)
        var facts = Facts()
        facts.symptoms = reading.present
        facts.negated = reading.negated
        facts.past = reading.past
        facts.mild = reading.mild
        facts.standing = reading.standing.isEmpty ? nil : reading.standing
        facts.durationDays = Quantities.duration(in: plain)
        facts.temperature = Quantities.temperature(in: plain)
        facts.ageYears = Quantities.age(in: plain) ?? (reading.infant ? 1.0 / 12 : nil)
        facts.isChild = !reading.adult && (reading.child || reading.infant || (facts.ageYears.map { $0 < 14 } ?? false))
        facts.isElderly = reading.elderly || (facts.ageYears.map { $0 >= 65 } ?? false)
        facts.isSevere = reading.severe
        facts.isSudden = reading.sudden
        facts.onWaking = reading.onWaking ? true : nil
        facts.symptoms += lasting(facts.symptoms, days: facts.durationDays)
        utterance.facts = facts
        (utterance.daysFromToday, utterance.period) = When.parse(plain, today: today, words: words)
        (utterance.choiceIndex, utterance.choiceTime) = Choices.parse(plain, words: words)
        utterance.placeKind = words.places.first { $0.words.contains(where: plain.includes) }?.value
        utterance.intent = Intents.classify(plain, utterance: utterance, words: words)
        return utterance
    }

    /// The concepts said by how long the present ones have lasted (a fever of two weeks is a prolonged fever).
    private func lasting(_ present: [String], days: Double?) -> [String] {
        guard let days else { return [] }
        var said: [String] = []
        for lasting in present.compactMap({ reader.knowledge.concepts[$0]?.lasting }) where days >= lasting.days {
            if !present.contains(lasting.concept), !said.contains(lasting.concept) { said.append(lasting.concept) }
        }
        return said
    }
}
