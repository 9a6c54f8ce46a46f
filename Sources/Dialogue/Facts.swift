/// What the companion has learned about the complaint over the conversation so far.
public struct Facts: Sendable, Codable, Equatable {
    public var symptoms: [String] = []
    public var negated: [String] = []
    public var durationDays: Double?
    public var temperature: Double?
    public var ageYears: Double?
    public var isChild = false
    public var isElderly = false
    public var isSevere = false
    public var isSudden = false
    /// The patient's first description of the complaint, in their words (for the doctor, later).
    public var complaint: String?

    public init() {}

    /// Adds what a message said; a symptom said later to be absent (or present) replaces what was said before.
    public mutating func merge(_ utterance: Utterance, text: String) {
        for id in utterance.symptoms where !symptoms.contains(id) {
            symptoms.append(id)
            negated.removeAll { $0 == id }
        }
        for id in utterance.negated where !negated.contains(id) && !utterance.symptoms.contains(id) {
            negated.append(id)
            symptoms.removeAll { $0 == id }
        }
        durationDays = utterance.durationDays ?? durationDays
        temperature = utterance.temperature ?? temperature
        ageYears = utterance.ageYears ?? ageYears
        isChild = isChild || utterance.isChild
        isElderly = isElderly || utterance.isElderly
        isSevere = isSevere || utterance.isSevere
        isSudden = isSudden || utterance.isSudden
        if complaint == nil, !utterance.symptoms.isEmpty { complaint = String(text.prefix(200)) }
    }

    func has(_ id: String) -> Bool { symptoms.contains(id) }
    var hasFever: Bool { has("fever") || has("high_fever") || (temperature.map { $0 >= 37.3 } ?? false) }
    var hasHighFever: Bool { has("high_fever") || (temperature.map { $0 >= 39 } ?? false) }
    var isPregnant: Bool { has("pregnancy") }
    var isInfant: Bool { ageYears.map { $0 < 0.25 } ?? false }
}
