/// What is known of the patient when the red-flag rules are checked: the findings present (and which of them only
/// mildly), age, pregnancy, onset, severity and fever.
public struct Situation: Sendable {
    public var present: Set<String>
    public var mild: Set<String>
    public var ageYears: Double?
    public var child = false
    public var elderly = false
    public var pregnant = false
    public var sudden = false
    public var onWaking = false
    public var severe = false
    public var fever = false
    /// How long the complaint has lasted, when said.
    public var durationDays: Double?

    /// The findings present, and those of them said to be slight or over.
    public init(present: Set<String>, mild: Set<String> = []) {
        self.present = present
        self.mild = mild
    }

    func has(_ finding: String) -> Bool { present.contains(finding) && !mild.contains(finding) }

    func condition(_ name: String) -> Bool {
        switch name {
        case "sudden": sudden
        case "waking": onWaking
        case "severe": severe
        case "fever": fever
        case "elderly": elderly || (ageYears.map { $0 >= 65 } ?? false)
        case "child": child || (ageYears.map { $0 < 14 } ?? false)
        case "pregnant": pregnant
        case "under_three": ageYears.map { $0 < 3 } ?? false
        default: false
        }
    }
}

extension RedFlagRule {
    /// Every part of the rule holds.
    public func holds(in situation: Situation) -> Bool {
        findingsHold(situation) && companionsHold(situation) && conditionsHold(situation)
    }

    /// The rule's findings are there but a companion or the onset is not known yet: its question decides.
    public func isOpen(in situation: Situation) -> Bool {
        ask != nil && findingsHold(situation) && !holds(in: situation)
    }

    private func finding(_ id: String, in s: Situation) -> Bool { evenMild == true ? s.present.contains(id) : s.has(id) }

    private func findingsHold(_ s: Situation) -> Bool {
        all.allSatisfy { allEvenMild == true ? s.present.contains($0) : finding($0, in: s) }
    }

    private func companionsHold(_ s: Situation) -> Bool {
        guard let any, !any.isEmpty else { return true }
        return any.contains { finding($0, in: s) }
    }

    private func conditionsHold(_ s: Situation) -> Bool {
        guard let c = when else { return true }
        return Self.conditions(c, holdIn: s)
    }

    /// Every condition given holds in `s`.
    static func conditions(_ c: Conditions, holdIn s: Situation) -> Bool {
        if let below = c.ageBelowYears, !(s.ageYears.map { $0 < below } ?? false) { return false }
        if let atLeast = c.ageAtLeastYears, !(s.ageYears.map { $0 >= atLeast } ?? false) { return false }
        for (flag, name) in [
            (c.pregnant, "pregnant"), (c.sudden, "sudden"), (c.severe, "severe"), (c.fever, "fever"), (c.elderly, "elderly"),
            (c.child, "child"),
        ] where flag == true && !s.condition(name) {
            return false
        }
        if let anyOf = c.anyOf, !anyOf.contains(where: s.condition) { return false }
        if let least = c.findingsAtLeast, s.present.count < least { return false }
        return true
    }
}

extension LevelRule {
    /// Every part of the rule holds; findings said to be slight count.
    public func holds(in s: Situation) -> Bool {
        guard (all ?? []).allSatisfy(s.present.contains), any.map({ $0.contains(where: s.present.contains) }) ?? true else { return false }
        if let only, s.present.isEmpty || !s.present.isSubset(of: only) { return false }
        if let when, !RedFlagRule.conditions(when, holdIn: s) { return false }
        if let unless, unless.contains(where: s.condition) { return false }
        if let maxDays, let days = s.durationDays, days > maxDays { return false }
        return true
    }
}
