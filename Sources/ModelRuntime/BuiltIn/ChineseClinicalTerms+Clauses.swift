/// What kind of statement a doctor's clause is: advice (an order, a treatment) or a result.
extension ChineseClinicalTerms {
    /// Whether a clause advises or orders: it has one of `adviceCues`, not counting what was already done
    /// (用了止咳药效果也不好 tells the history, not the plan).
    static func advises(_ clause: String) -> Bool {
        var text = clause
        for done in pastUses where text.contains(done) { text = text.replacing(done, with: "") }
        return adviceCues.contains(where: text.includes)
    }

    /// Whether a clause reports a test's result, not counting a question put as A不A (看白细胞高不高).
    static func reportsResult(_ clause: String) -> Bool {
        let text = withoutAOrNotA(clause)
        return resultCues.contains(where: text.includes)
    }

    /// The clause without its questions put as A不A (高不高, 好不好): they ask, they do not tell.
    static func withoutAOrNotA(_ clause: String) -> String {
        let characters = Array(clause)
        var kept: [Character] = []
        var index = 0
        while index < characters.count {
            if index + 2 < characters.count, characters[index + 1] == "不", characters[index] == characters[index + 2] {
                index += 3
                continue
            }
            kept.append(characters[index])
            index += 1
        }
        return String(kept)
    }
}
