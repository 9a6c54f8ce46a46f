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
}

/// Triage over the facts gathered: red flags first, then level, then department (age and sex aware).
enum Triage {
    static let emergencyDepartment = "dept_emergency"

    static func assess(_ facts: Facts) -> TriageResult? {
        let flags = RedFlags.evaluate(facts)
        if !flags.isEmpty { return TriageResult(level: .emergency, departmentId: emergencyDepartment, redFlags: flags, reason: "red_flag") }
        guard let department = department(for: facts) else { return nil }
        let (level, reason) = level(facts)
        return TriageResult(level: level, departmentId: department, redFlags: [], reason: reason)
    }

    static func level(_ f: Facts) -> (TriageResult.Level, String) {
        if f.hasHighFever { return (.urgent, "high_fever") }
        if f.has("chest_pain") { return (.urgent, "chest_pain") }
        if f.hasFever, f.ageYears.map({ $0 < 1 }) ?? false { return (.urgent, "infant_fever") }
        if f.isSevere, f.has("headache") || f.has("abdominal_pain") || f.has("bone_joint") || f.has("urinary") { return (.urgent, "severe_pain") }
        if f.isPregnant, f.symptoms.count > 1 { return (.urgent, "pregnancy") }
        if f.has("palpitations"), f.isSevere || f.isElderly { return (.urgent, "palpitations") }
        let mild: Set<String> = ["cold", "runny_nose", "sore_throat", "cough"]
        let vulnerable = f.isElderly || (f.ageYears.map { $0 < 3 } ?? false)
        if !f.symptoms.isEmpty, Set(f.symptoms).isSubset(of: mild), !f.hasFever, !f.isSevere, !vulnerable, (f.durationDays ?? 0) <= 3 {
            return (.selfCare, "mild_cold")
        }
        return (.routine, "routine")
    }

    /// The department for the facts, or nil when nothing points anywhere yet. Pregnancy goes to 产科, children to
    /// 儿科 (except eyes, ears-nose-throat, teeth and bones), women's complaints to 妇科.
    static func department(for f: Facts) -> String? {
        guard let best = specialty(for: f.symptoms) else { return nil }
        if f.isPregnant { return "dept_obstetrics" }
        let child = f.isChild || (f.ageYears.map { $0 < 14 } ?? false)
        if child, !["dept_ophthalmology", "dept_ent", "dept_stomatology", "dept_orthopedics", "dept_psychiatry"].contains(best) {
            return "dept_pediatrics"
        }
        return best
    }

    /// The specialty the symptoms point to, before age and pregnancy are taken into account.
    static func specialty(for symptoms: [String]) -> String? {
        scores(symptoms).first?.0
    }

    /// Departments by the summed weights of the symptoms, best first; ties go to the one named by the earliest symptom.
    static func scores(_ symptoms: [String]) -> [(String, Double)] {
        var totals: [String: Double] = [:]
        var firstSeen: [String: Int] = [:]
        for (order, id) in symptoms.enumerated() {
            guard let symptom = SymptomLexicon.byId[id] else { continue }
            for (department, weight) in symptom.departments {
                totals[department, default: 0] += weight
                if firstSeen[department] == nil { firstSeen[department] = order }
            }
        }
        return totals.sorted { ($0.value, -(firstSeen[$0.key] ?? 0)) > ($1.value, -(firstSeen[$1.key] ?? 0)) }
    }
}
