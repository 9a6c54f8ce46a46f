import Clinical

/// The companion's recommendation: how soon, which department, and why.
public struct TriageResult: Sendable, Codable, Equatable {
    public enum Level: String, Sendable, Codable {
        case emergency, urgent, routine
        case selfCare = "self_care"
    }

    public var level: Level
    public var departmentId: String
    public var redFlags: [RedFlag]
    /// Why this level, as a key the reply turns into words (`red_flag`, `high_fever`, `chest_pain`, …).
    public var reason: String
    /// The specialty chosen, and the hospital's departments for the next best ones ("别的科" offers them).
    public var specialty: String?
    public var alternatives: [String]?
}

/// Triage over the facts gathered: red flags first, then level, then the specialty the evidence points to, routed
/// for children and pregnancy by the specialties' own flags, then the hospital's department for it.
enum Triage {
    /// `departments` maps the knowledge's specialties to the hospital's department ids.
    static func assess(_ facts: Facts, departments: [String: String], knowledge: ClinicalKnowledge = .shipped) -> TriageResult? {
        let situation = facts.situation
        let flags = RedFlags.evaluate(situation, knowledge: knowledge)
        if !flags.isEmpty, let emergency = knowledge.specialties.values.first(where: { $0.forEmergency == true }) {
            return TriageResult(
                level: .emergency, departmentId: departments[emergency.id] ?? emergency.id, redFlags: flags, reason: "red_flag",
                specialty: emergency.id)
        }
        let ranked = specialties(for: facts, knowledge: knowledge)
        let served = ranked.filter { departments[$0] != nil }
        guard let best = served.first ?? ranked.first else { return nil }
        let (level, reason) = level(situation, knowledge: knowledge)
        var alternatives: [String] = []
        for specialty in served.dropFirst() {
            if let id = departments[specialty], !alternatives.contains(id), id != departments[best] { alternatives.append(id) }
        }
        return TriageResult(
            level: level, departmentId: departments[best] ?? best, redFlags: [], reason: reason, specialty: best,
            alternatives: Array(alternatives.prefix(2)))
    }

    /// How soon, from the knowledge's level rules (`levels.jsonl`): the first that holds, else routine.
    static func level(_ situation: Situation, knowledge: ClinicalKnowledge = .shipped) -> (TriageResult.Level, String) {
        guard let rule = knowledge.levels.first(where: { $0.holds(in: situation) }) else { return (.routine, "routine") }
        return (rule.level == "self_care" ? .selfCare : .urgent, rule.reason)
    }

    /// Specialties by the evidence, best first, with children and pregnant women routed to the specialty that sees
    /// them unless the best one keeps them (eyes, teeth, bones…).
    static func specialties(for f: Facts, knowledge: ClinicalKnowledge = .shipped) -> [String] {
        var ranked = scores(f, knowledge: knowledge).ranked.map(\.specialty)
        guard let best = ranked.first, let bestSpecialty = knowledge.specialties[best] else { return ranked }
        let child = f.isChild || (f.ageYears.map { $0 < 14 } ?? false)
        let specialties = knowledge.specialties.values
        let routed: Specialty? =
            if f.isPregnant, bestSpecialty.keepsPregnant != true, let obstetrics = specialties.first(where: { $0.forPregnancy == true }) {
                obstetrics
            } else if child, let children = specialties.first(where: { $0.forChildren == true }),
                bestSpecialty.keepsChildren != true || (f.hasFever && children.takesChildrenWithFever == true)
            {
                children
            } else {
                nil
            }
        if let routed {
            ranked.removeAll { $0 == routed.id }
            ranked.insert(routed.id, at: 0)
        }
        return ranked
    }

    /// How much evidence the best specialty has; below `thinEvidence` the companion asks before it recommends.
    static func bestScore(_ f: Facts, knowledge: ClinicalKnowledge = .shipped) -> Double {
        scores(f, knowledge: knowledge).ranked.first?.score ?? 0
    }

    private static func scores(_ f: Facts, knowledge: ClinicalKnowledge) -> SpecialtyScores {
        SpecialtyScores(present: f.symptoms, past: f.past ?? [], standing: f.standing ?? [], knowledge: knowledge)
    }

    static let thinEvidence = 1.5
}
