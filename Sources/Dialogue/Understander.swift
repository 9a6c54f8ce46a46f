import Clinical
import ModelRuntime

/// The built-in understanding: the clinical knowledge (`Clinical`) for what is wrong, and the conversation words
/// (`Knowledge/conversation-words.jsonl`) with small parsers for time, choices, places and intents, in Chinese and
/// English, no model. Turns a message into an `Utterance`. Made to be replaceable: the conversation asks an
/// `Understanding` for utterances, not this type.
public protocol Understanding: Sendable {
    /// Understands `text`; `today` (the hospital's date) anchors 明天, 下周三, 12月16日, next Monday.
    func understand(_ text: String, today: Today) async -> Utterance
    /// Understands `text` said to `hospital` (a model engine names the hospital and its departments in its
    /// instructions; the built-in engine needs neither).
    func understand(_ text: String, today: Today, at hospital: HospitalContext?) async -> Utterance
    /// True when the engine reads the hospital's context (so the conversation looks it up for each turn).
    var readsHospital: Bool { get }
}

extension Understanding {
    public var readsHospital: Bool { false }

    public func understand(_ text: String, today: Today, at hospital: HospitalContext?) async -> Utterance {
        await understand(text, today: today)
    }
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
        facts.symptoms += lasting(facts, days: facts.durationDays)
        utterance.facts = facts
        let searchable = SearchableText(plain)
        (utterance.daysFromToday, utterance.period) = When.parse(searchable, today: today, words: words)
        (utterance.choiceIndex, utterance.choiceTime) = Choices.parse(searchable, words: words)
        utterance.placeKind = words.places.first { $0.words.contains(where: searchable.includes) }?.value
        utterance.intent = Intents.classify(searchable, utterance: utterance, words: words)
        return utterance
    }

    /// What the complaint says by how long it has lasted (a fever of two weeks is a prolonged fever). The message's
    /// one duration is taken for its first symptom, the complaint it opens with, and only when that is not slight.
    private func lasting(_ facts: Facts, days: Double?) -> [String] {
        guard let days, let first = facts.symptoms.first, !(facts.mild ?? []).contains(first),
            let lasting = reader.knowledge.concepts[first]?.lasting, days >= lasting.days, !facts.symptoms.contains(lasting.concept)
        else { return [] }
        return [lasting.concept]
    }
}
