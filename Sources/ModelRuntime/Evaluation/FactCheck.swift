/// Scores drafts against the facts a consultation must and must not yield, section by section: a fact is recalled
/// when one of its wordings (`a|b`) appears in the section's text; an error is a `never` wording that appears (a
/// negation inverted, a finding invented). Matching ignores case and spaces. Statements without evidence are counted.
public struct FactCheck: Sendable {
    /// One fact the draft missed or one it got wrong, for the development set's listing.
    public struct Miss: Sendable {
        public let consultation: String
        public let section: String
        public let fact: String
        public let wrong: Bool
    }

    private(set) var expected: [String: Int] = [:]
    private(set) var recalled: [String: Int] = [:]
    private(set) var errors: [String: Int] = [:]
    /// Statements in the drafts that point at no span of the transcript.
    public private(set) var statementsWithoutEvidence = 0
    public private(set) var consultations = 0
    public private(set) var misses: [Miss] = []

    public init() {}

    /// Adds one draft's facts.
    public mutating func add(_ draft: Draft, id: String, facts: [String: [String]], never: [String: [String]]) {
        consultations += 1
        statementsWithoutEvidence += draft.statementsWithoutEvidence.count
        for (section, wanted) in facts {
            let text = Self.folded(draft.section(section)?.text ?? "")
            for fact in wanted {
                expected[section, default: 0] += 1
                if Self.holds(fact, in: text) {
                    recalled[section, default: 0] += 1
                } else {
                    misses.append(Miss(consultation: id, section: section, fact: fact, wrong: false))
                }
            }
        }
        for (section, unwanted) in never {
            let text = Self.folded(draft.section(section)?.text ?? "")
            for fact in unwanted where Self.holds(fact, in: text) {
                errors[section, default: 0] += 1
                misses.append(Miss(consultation: id, section: section, fact: fact, wrong: true))
            }
        }
    }

    /// Per section: facts expected, recalled and errors, sections in name order.
    public var perSection: [(section: String, expected: Int, recalled: Int, errors: Int)] {
        Set(expected.keys).union(errors.keys).sorted().map { ($0, expected[$0] ?? 0, recalled[$0] ?? 0, errors[$0] ?? 0) }
    }

    public var recall: Double {
        let all = expected.values.reduce(0, +)
        return all == 0 ? 0 : Double(recalled.values.reduce(0, +)) / Double(all)
    }

    public var errorCount: Int { errors.values.reduce(0, +) }

    static func holds(_ fact: String, in text: String) -> Bool {
        fact.split(separator: "|").contains { text.contains(folded(String($0))) }
    }

    static func folded(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isWhitespace })
    }
}
