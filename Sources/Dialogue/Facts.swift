import Clinical

/// What is known about the complaint: said in one message, or learned over the conversation so far.
public struct Facts: Sendable, Codable, Equatable {
    /// Symptoms said to be present, in the order first said.
    public var symptoms: [String] = []
    /// Symptoms said to be absent (没有发烧, denies chest pain).
    public var negated: [String] = []
    /// Conditions had before, or only feared or asked about (去年中风过, worried about a stroke): evidence for the
    /// department, never a red flag. Optional so that conversations stored before it still read.
    public var past: [String]?
    /// Symptoms present only slightly or already over (有一点血丝, 已经止住了).
    public var mild: [String]?
    /// Diseases had for years (糖尿病十来年了): present for the red flags, the background of the complaint for the
    /// department.
    public var standing: [String]?
    public var durationDays: Double?
    /// Body temperature in ℃ (Fahrenheit is converted).
    public var temperature: Double?
    /// Age of the person who is ill, in years (6 weeks old → 0.115).
    public var ageYears: Double?
    public var isChild = false
    public var isElderly = false
    public var isSevere = false
    public var isSudden = false
    /// Noticed on waking; optional so that conversations stored before it still read.
    public var onWaking: Bool?
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
        past = Self.union(past, said.past)
        mild = Self.union((mild ?? []).filter { !said.symptoms.contains($0) || (said.mild ?? []).contains($0) }, said.mild)
        standing = Self.union((standing ?? []).filter { !said.symptoms.contains($0) || (said.standing ?? []).contains($0) }, said.standing)
        durationDays = said.durationDays ?? durationDays
        temperature = said.temperature ?? temperature
        ageYears = said.ageYears ?? ageYears
        isChild = isChild || said.isChild
        isElderly = isElderly || said.isElderly
        isSevere = isSevere || said.isSevere
        isSudden = isSudden || said.isSudden
        if said.onWaking == true { onWaking = true }
        if complaint == nil, !said.symptoms.isEmpty { complaint = String(text.prefix(200)) }
    }

    private static func union(_ a: [String]?, _ b: [String]?) -> [String]? {
        let all = (a ?? []) + (b ?? []).filter { !(a ?? []).contains($0) }
        return all.isEmpty ? nil : all
    }

    func has(_ id: String) -> Bool { symptoms.contains(id) }
    var hasFever: Bool { has("fever") || has("high_fever") || (temperature.map { $0 >= 37.3 } ?? false) }
    var hasHighFever: Bool { has("high_fever") || (temperature.map { $0 >= 39 } ?? false) }
    var isPregnant: Bool { has("pregnancy") }
    var isInfant: Bool { ageYears.map { $0 < 0.25 } ?? false }
}

extension Facts {
    /// What the red-flag rules read: the findings (a measured fever counts), who is ill, onset and severity.
    var situation: Situation {
        var present = Set(symptoms)
        if hasFever { present.insert("fever") }
        if hasHighFever { present.insert("high_fever") }
        var situation = Situation(present: present, mild: Set(mild ?? []))
        situation.ageYears = ageYears
        situation.child = isChild
        situation.elderly = isElderly
        situation.pregnant = isPregnant
        situation.sudden = isSudden
        situation.onWaking = onWaking ?? false
        situation.severe = isSevere
        situation.fever = hasFever
        situation.durationDays = durationDays
        return situation
    }
}
