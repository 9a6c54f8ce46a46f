/// Something the consultation established, with where it was said.
struct Finding: Sendable {
    var name: String
    var present: Bool
    var evidence: [EvidenceSpan]
    /// Where it was first said (turn, character), for ordering.
    var firstSaid: (turn: Int, offset: Int)
    /// Both affirmed and denied in the transcript (not counting "no longer": 不烧了).
    var conflicting = false
    var uncertain = false
    /// The doctor's own words naming it, when they say more than its name ("an acute exacerbation of COPD").
    var asSaid: String?
    /// How many times the patient said it or answered yes or no to it.
    var mentions = 1
    /// Said to have gone (不拉肚子了): part of this illness, but not what troubles the patient now.
    var resolved = false

    func statement(_ text: String, reportedTurns: Set<Int>) -> DraftStatement {
        var flags: [StatementFlag] = []
        if uncertain { flags.append(.uncertain) }
        if conflicting { flags.append(.negationConflict) }
        if !evidence.isEmpty, evidence.allSatisfy({ reportedTurns.contains($0.turn) }) { flags.append(.patientReported) }
        return DraftStatement(text: text, evidence: evidence, flags: flags)
    }
}

/// A piece of text quoted from one clause, kept as it was said.
struct Quote: Sendable {
    var text: String
    var span: EvidenceSpan
}
