import Clinical

/// When to come back, with the condition the doctor gave it: "如果出现精神差、呕吐、呼吸快，马上来医院" is
/// 如出现精神差、呕吐、呼吸快，及时就医, not a bare 及时就医.
extension ChineseReading {
    /// The condition said before `advice` in its sentence, from a condition word (如果, 要是) to the end of its clause,
    /// as said and with its evidence; nil when the sentence gives none or says too much to be one.
    func returnCondition(in turn: TurnText, before advice: Range<Int>) -> (text: String, evidence: [EvidenceSpan])? {
        let sentence = turn.sentence(around: advice.lowerBound)
        var start: Int?
        for cue in Self.conditionCues {
            guard let found = lastIndex(of: cue, in: turn.characters, range: sentence.lowerBound..<advice.lowerBound) else { continue }
            start = max(start ?? 0, found + cue.count)
        }
        guard var lower = start else { return nil }
        // The condition's own clause: "如三天以上没有大便，需要去医院" ends at the comma.
        var upper = (lower..<advice.lowerBound).first { Self.clauseBreaks.contains(turn.characters[$0]) } ?? advice.lowerBound
        // "如咳嗽加重也要及时带宝宝去医院": the condition ends where the advice's own words begin.
        for stop in Self.conditionStops {
            if let found = turn.characters.firstIndex(of: stop, in: lower..<upper) { upper = min(upper, found) }
        }
        while upper > lower, Self.conditionTrimmed.contains(turn.characters[upper - 1]) { upper -= 1 }
        while lower < upper, Self.conditionTrimmed.contains(turn.characters[lower]) { lower += 1 }
        // A condition names what to watch for (如出现呕吐, 如体温不退); "如不放心", "如5到7天以后" name nothing.
        guard lower < upper, upper - lower <= Self.longestCondition, !symptomMentions(in: turn, lower..<upper).isEmpty else { return nil }
        return ("如" + turn.string(lower..<upper), [turn.span(lower..<upper)])
    }

    static let returnAdvice = Set(Terms.words[.returnAdvice])
    private static let conditionCues = Terms.words[.conditionCues]
    private static let conditionStops = Terms.words[.conditionStops]
    /// What stands between a condition and its advice without being part of either: punctuation, 就.
    private static let conditionTrimmed: Set<Character> = ["，", ",", "、", " ", "就", "的", "话"]
    private static let clauseBreaks: Set<Character> = ["，", ",", "；", ";"]
    private static let longestCondition = 20
}
