import ModelRuntime

/// The built-in understanding: lexicons and small rules for Chinese and English, no model. Turns a message into an
/// `Utterance`. Made to be replaceable: the conversation asks an `Understanding` for utterances, not this type.
public protocol Understanding: Sendable {
    /// Understands `text`; `today` (the hospital's date) anchors 明天, 下周三, 12月16日, next Monday.
    func understand(_ text: String, today: Today) -> Utterance
}

public struct BuiltInUnderstanding: Understanding {
    public init() {}

    public func understand(_ text: String, today: Today) -> Utterance {
        let folded = Array(Folded.text(text))
        var utterance = Utterance(language: Language.detect(text), intent: .statement)
        findSymptoms(folded, into: &utterance)
        let plain = String(folded)
        utterance.facts.durationDays = Quantities.duration(in: plain)
        utterance.facts.temperature = Quantities.temperature(in: plain)
        utterance.facts.ageYears = Quantities.age(in: plain)
        utterance.facts.isChild = Cues.child.contains { plain.contains($0) } || (utterance.facts.ageYears.map { $0 < 14 } ?? false)
        utterance.facts.isElderly = Cues.elderly.contains { plain.contains($0) } || (utterance.facts.ageYears.map { $0 >= 65 } ?? false)
        utterance.facts.isSevere = Cues.severe.contains { plain.contains($0) }
        utterance.facts.isSudden = Cues.sudden.contains { plain.contains($0) }
        (utterance.daysFromToday, utterance.period) = When.parse(plain, today: today)
        (utterance.choiceIndex, utterance.choiceTime) = Choices.parse(plain)
        utterance.placeKind = Cues.places.first { $0.words.contains { plain.contains($0) } }?.kind
        utterance.intent = Intents.classify(plain, utterance: utterance)
        return utterance
    }

    private static let symptomIndex = TermIndex(SymptomLexicon.terms.map { ($0.term, $0.symptom.id) })
    private static let negationIndex = TermIndex(Negation.cues.map { ($0.cue, $0.reachesClauseEnd) })

    private func findSymptoms(_ text: [Character], into utterance: inout Utterance) {
        let symptoms = Self.symptomIndex.matches(in: text)
        let taken = symptoms.map(\.range)
        // A cue inside a symptom term ("喘不上气", "无力") is part of the symptom, not a negation.
        let cues = Self.negationIndex.matches(in: text).filter { cue in !taken.contains { $0.overlaps(cue.range) } }
        for (range, id) in symptoms {
            let negated = cues.contains { cue in
                guard cue.range.upperBound <= range.lowerBound else { return false }
                let between = text[cue.range.upperBound..<range.lowerBound]
                if between.contains(where: Clause.boundaries.contains) { return false }
                let gap = String(between)
                if Clause.turnWords.contains(where: gap.contains) { return false }
                return cue.value || between.count <= 2
            }
            if negated {
                if !utterance.facts.negated.contains(id) { utterance.facts.negated.append(id) }
            } else if !utterance.facts.symptoms.contains(id) {
                utterance.facts.symptoms.append(id)
            }
        }
        // Said both ways ("不是胸痛，是胸口闷痛"): what was said without negation stands.
        utterance.facts.negated.removeAll { utterance.facts.symptoms.contains($0) }
    }
}

/// Words that say a symptom is absent. `reachesClauseEnd`: 否认胸痛、气短 negates both; a bare 不 or 没 only
/// what follows within two characters (不发烧), so 有点不舒服还发烧 keeps its fever.
enum Negation {
    static let cues: [(cue: String, reachesClauseEnd: Bool)] = [
        ("没有", true), ("否认", true), ("并无", true), ("并未", true), ("从未", true), ("从没", true), ("无", true), ("未", true),
        ("不", false), ("没", false),
        ("no", true), ("not", true), ("denies", true), ("denied", true), ("deny", true), ("without", true), ("never", true),
        ("don't have", true), ("doesn't have", true), ("didn't have", true), ("haven't had", true), ("hasn't had", true),
        ("no longer", true), ("isn't", true), ("wasn't", true),
    ]
}
