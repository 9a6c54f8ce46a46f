import Clinical

/// A diagnosis the knowledge does not list, written as the doctor named it ("诊断慢性乙型病毒性肝炎", "这是急性肛裂").
extension ChineseReading {
    /// Where `clause` names a diagnosis after a naming cue, in words the knowledge may not list.
    func diagnosisNamedAsSaid(in turn: TurnText, _ clause: Range<Int>) -> Range<Int>? {
        guard let words = trimmed(turn, clause), let at = cueEnd(turn, in: words) else { return nil }
        var name = at..<words.upperBound
        // "考虑可能是病毒感染": cue after cue; "现在的情况考虑，急性呼吸道感染": the name is the next clause.
        while let next = cueEnd(turn, in: name, opening: true) { name = next..<name.upperBound }
        if name.isEmpty, let next = turn.clauses().first(where: { $0.lowerBound > clause.upperBound }),
            turn.sentence(around: next.lowerBound) == turn.sentence(around: clause.lowerBound), let nextTrimmed = trimmed(turn, next)
        {
            name = nextTrimmed
        }
        let said = turn.string(name)
        // "病毒或者细菌感染": doubt between two; "病毒感染": too vague to stand as the diagnosis.
        guard (2...Self.longestName).contains(name.count), Self.diseaseEndings.contains(where: said.hasSuffix),
            turn.characters[name].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }),
            !["或", "还是", "的"].contains(where: said.includes), !Self.vagueDiagnoses.contains(said)
        else { return nil }
        return name
    }

    /// Where a naming cue near the start of `range` ends; nil when the words before it deny or suppose ("不是",
    /// "没有考虑", "如果确诊") or the clause rules out (排除). `opening`: only a cue right at the start.
    private func cueEnd(_ turn: TurnText, in range: Range<Int>, opening: Bool = false) -> Int? {
        let reach = opening ? 0 : Self.wordsBeforeTheCue
        let start = range.lowerBound..<min(range.upperBound, range.lowerBound + reach + Self.longestCue)
        guard
            let (at, cue) = Self.asSaidCues.lazy.compactMap({ cue in turn.characters.firstIndex(of: cue, in: start).map { ($0, cue) } })
                .first(where: { $0.0 - range.lowerBound <= reach })
        else { return nil }
        let before = turn.string(range.lowerBound..<at)
        guard !["不", "没"].contains(where: before.includes), !Self.hypotheticalCues.contains(where: before.includes),
            !turn.string(range).contains("排除")
        else { return nil }
        return at + cue.count
    }

    private static let asSaidCues = Terms.words[.diagnosisAsSaidCues]
    private static let diseaseEndings = Terms.words[.diseaseEndings]
    private static let wordsBeforeTheCue = 4
    private static let longestCue = asSaidCues.map(\.count).max() ?? 0
    private static let longestName = 16
}
