/// What is known about the complaint: said in one message, or learned over the conversation so far.
public struct Facts: Sendable, Codable, Equatable {
    /// Symptoms said to be present, in the order first said.
    public var symptoms: [String] = []
    /// Symptoms said to be absent (没有发烧, denies chest pain).
    public var negated: [String] = []
    public var durationDays: Double?
    /// Body temperature in ℃ (Fahrenheit is converted).
    public var temperature: Double?
    /// Age of the person who is ill, in years (6 weeks old → 0.115).
    public var ageYears: Double?
    public var isChild = false
    public var isElderly = false
    public var isSevere = false
    public var isSudden = false
    /// The patient's first description of the complaint, in their words (for the doctor, later).
    public var complaint: String?

    public init() {}

    /// Adds what a message (`text`) said; a symptom said later to be absent (or present) replaces what was said
    /// before.
    public mutating func merge(_ said: Facts, text: String) {
        for id in said.symptoms where !symptoms.contains(id) {
            symptoms.append(id)
            negated.removeAll { $0 == id }
        }
        for id in said.negated where !negated.contains(id) && !said.symptoms.contains(id) {
            negated.append(id)
            symptoms.removeAll { $0 == id }
        }
        durationDays = said.durationDays ?? durationDays
        temperature = said.temperature ?? temperature
        ageYears = said.ageYears ?? ageYears
        isChild = isChild || said.isChild
        isElderly = isElderly || said.isElderly
        isSevere = isSevere || said.isSevere
        isSudden = isSudden || said.isSudden
        if complaint == nil, !said.symptoms.isEmpty { complaint = String(text.prefix(200)) }
    }

    func has(_ id: String) -> Bool { symptoms.contains(id) }
    var hasFever: Bool { has("fever") || has("high_fever") || (temperature.map { $0 >= 37.3 } ?? false) }
    var hasHighFever: Bool { has("high_fever") || (temperature.map { $0 >= 39 } ?? false) }
    var isPregnant: Bool { has("pregnancy") }
    var isInfant: Bool { ageYears.map { $0 < 0.25 } ?? false }
}
