/// Scores drafts against reference records with ROUGE-L, section by section: the reference's headings are mapped
/// onto the template's sections (for 门诊病历 the six of the development data; for SOAP its four parts).
public struct DraftEvaluation: Sendable {
    /// One compared section: reference headings against draft section keys.
    public struct Group: Sendable {
        public let name: String
        public let referenceHeadings: [String]
        public let draftKeys: [String]
    }

    public let language: String
    public let groups: [Group]
    private(set) var scores: [String: [Double]] = [:]
    private(set) var wholeNotes: [Double] = []
    private(set) var summaryLevel: [Double] = []

    public init(template: DraftTemplate) {
        switch template {
        case .zhOutpatient:
            language = "zh"
            groups = [
                Group(name: "主诉", referenceHeadings: ["主诉"], draftKeys: ["chiefComplaint"]),
                Group(name: "现病史", referenceHeadings: ["现病史"], draftKeys: ["presentIllness"]),
                Group(name: "辅助检查", referenceHeadings: ["辅助检查"], draftKeys: ["auxiliaryExams"]),
                Group(name: "既往史", referenceHeadings: ["既往史"], draftKeys: ["pastHistory"]),
                Group(name: "诊断", referenceHeadings: ["诊断"], draftKeys: ["diagnosis"]),
                Group(name: "建议", referenceHeadings: ["建议"], draftKeys: ["plan"]),
            ]
        case .enSOAP:
            language = "en"
            groups = [
                Group(name: "chief complaint", referenceHeadings: ["CHIEF COMPLAINT", "CC"], draftKeys: ["chiefComplaint"]),
                Group(
                    name: "subjective",
                    referenceHeadings: [
                        "HISTORY OF PRESENT ILLNESS", "HPI", "REVIEW OF SYSTEMS", "MEDICAL HISTORY", "PAST HISTORY", "SURGICAL HISTORY",
                        "SOCIAL HISTORY", "FAMILY HISTORY", "MEDICATIONS", "CURRENT MEDICATIONS", "ALLERGIES",
                    ],
                    draftKeys: ["subjective", "allergies"]
                ),
                Group(
                    name: "objective", referenceHeadings: ["PHYSICAL EXAM", "PHYSICAL EXAMINATION", "EXAM", "VITALS", "VITALS REVIEWED", "RESULTS"],
                    draftKeys: ["objective"]),
                Group(
                    name: "assessment and plan",
                    referenceHeadings: ["ASSESSMENT", "ASSESSMENT AND PLAN", "IMPRESSION", "PLAN", "INSTRUCTIONS", "PROCEDURE"],
                    draftKeys: ["assessment", "plan"]),
            ]
        }
    }

    /// Adds one draft's scores. A section whose reference is empty is not scored (there is nothing to compare).
    public mutating func add(_ draft: Draft, reference: [String: String]) {
        for group in groups {
            let referenceText = group.referenceHeadings.compactMap { reference[$0] }.joined(separator: "\n")
            let expected = RougeL.tokens(referenceText, language: language)
            guard !expected.isEmpty else { continue }
            let written = group.draftKeys.compactMap { draft.section($0)?.text }.joined(separator: "\n")
            let score = RougeL.score(candidate: RougeL.tokens(written, language: language), reference: expected)
            scores[group.name, default: []].append(score.f1)
        }
        let note = RougeL.tokens(draft.sections.map(\.text).joined(separator: "\n"), language: language)
        let whole = RougeL.tokens(noteOrder(reference.keys).compactMap { reference[$0] }.joined(separator: "\n"), language: language)
        guard !whole.isEmpty else { return }
        wholeNotes.append(RougeL.score(candidate: note, reference: whole).f1)
        // Sentences: the draft's statements (or a section's text when it has none), the reference's lines.
        let drafted = draft.sections.flatMap { section in section.statements.isEmpty ? [section.text] : section.statements.map(\.text) }
        let lines = noteOrder(reference.keys).compactMap { reference[$0] }.flatMap { $0.split(separator: "\n").map(String.init) }
        summaryLevel.append(
            RougeL.summaryScore(
                candidate: drafted.map { RougeL.tokens($0, language: language) }, reference: lines.map { RougeL.tokens($0, language: language) }
            ).f1)
    }

    /// Mean F1 of each section and how many were scored, in the groups' order.
    public var perSection: [(name: String, f1: Double, count: Int)] {
        groups.map { group in
            let values = scores[group.name] ?? []
            return (group.name, values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count), values.count)
        }
    }

    /// The reference's headings in the order a note has them: the groups' order (which is the template's), then any
    /// heading of no group.
    private func noteOrder(_ headings: some Collection<String>) -> [String] {
        let order = groups.flatMap(\.referenceHeadings)
        return headings.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
    }

    /// Mean F1 of each whole draft against its whole reference (every section, in any order): how note-level
    /// benchmarks such as ACI-BENCH score.
    public var wholeNote: Double {
        wholeNotes.isEmpty ? 0 : wholeNotes.reduce(0, +) / Double(wholeNotes.count)
    }

    /// Mean summary-level F1 (ROUGE-Lsum) of each whole draft, a statement a sentence, against its reference's lines.
    public var wholeNoteSummaryLevel: Double {
        summaryLevel.isEmpty ? 0 : summaryLevel.reduce(0, +) / Double(summaryLevel.count)
    }

    /// Mean F1 over every scored section of every draft.
    public var overall: Double {
        let all = scores.values.flatMap { $0 }
        return all.isEmpty ? 0 : all.reduce(0, +) / Double(all.count)
    }
}
