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

    private func findingsHold(_ s: Situation) -> Bool { all.allSatisfy { finding($0, in: s) } }

    private func companionsHold(_ s: Situation) -> Bool {
        guard let any, !any.isEmpty else { return true }
        return any.contains { finding($0, in: s) }
    }

    private func conditionsHold(_ s: Situation) -> Bool {
        guard let c = when else { return true }
        if let below = c.ageBelowYears, !(s.ageYears.map { $0 < below } ?? false) { return false }
        if let atLeast = c.ageAtLeastYears, !(s.ageYears.map { $0 >= atLeast } ?? false) { return false }
        for (flag, name) in [(c.pregnant, "pregnant"), (c.sudden, "sudden"), (c.severe, "severe"), (c.fever, "fever"), (c.elderly, "elderly"),
                             (c.child, "child")] where flag == true && !s.condition(name) {
            return false
        }
        if let anyOf = c.anyOf, !anyOf.contains(where: s.condition) { return false }
        return true
    }
}
