/// Durations, temperatures, medicines, diagnoses, tests, advice and the histories.
extension ChineseReading {
    /// How long the symptom has lasted: a duration in the clause that names it, else the nearest one in that turn,
    /// else the first one the patient gave.
    func duration(of finding: Finding) -> ChineseQuantities.Found? {
        guard let first = finding.evidence.first, turns.indices.contains(first.turn) else { return nil }
        let turn = turns[first.turn]
        let offset = finding.firstSaid.turn == turn.index ? finding.firstSaid.offset : 0
        if turn.isPatientSide {
            let inTurn = illnessDurations(in: turn)
            if let nearest = inTurn.min(by: { abs($0.range.lowerBound - offset) < abs($1.range.lowerBound - offset) }) { return nearest }
        }
        for turn in turns.prefix(8) where turn.isPatientSide {
            if let found = illnessDurations(in: turn).first { return found }
        }
        return nil
    }

    /// The span of a duration found in turn `turn`.
    func span(of found: ChineseQuantities.Found, inTurnOf finding: Finding) -> EvidenceSpan? {
        for turn in turns where turn.isPatientSide {
            if illnessDurations(in: turn).contains(where: { $0.range == found.range && $0.text == found.text }) { return turn.span(found.range) }
        }
        return nil
    }

    /// Durations of the illness in a turn, leaving out how long a medicine was taken.
    func illnessDurations(in turn: TurnText) -> [ChineseQuantities.Found] {
        turn.clauses().flatMap { clause -> [ChineseQuantities.Found] in
            let text = turn.string(clause)
            if ["吃了", "用了", "服用", "喝了", "吃药", "输液", "打针", "以后", "之后"].contains(where: text.contains),
               Self.symptomIndex.matches(in: Array(turn.characters[clause])).isEmpty
            {
                return []
            }
            return ChineseQuantities.durations(in: turn.characters, range: clause)
        }
    }

    /// The highest temperature the patient gave, with its span.
    func highestTemperature() -> (ChineseQuantities.Found, EvidenceSpan)? {
        var best: (ChineseQuantities.Found, EvidenceSpan)?
        for turn in turns where turn.isPatientSide {
            for found in ChineseQuantities.temperatures(in: turn.characters, range: 0..<turn.characters.count)
            where found.value > (best?.0.value ?? 0) {
                best = (found, turn.span(found.range))
            }
        }
        return best
    }

    /// Medicines the patient has taken (not denied), each once, first mention kept.
    func medicinesTaken() -> [Quote] {
        var seen: Set<String> = []
        var taken: [Quote] = []
        for turn in turns where turn.isPatientSide {
            for clause in turn.clauses() {
                for mention in Self.medicineIndex.matches(in: Array(turn.characters[clause])) where !seen.contains(mention.value) {
                    let range = (mention.range.lowerBound + clause.lowerBound)..<(mention.range.upperBound + clause.lowerBound)
                    guard !isNegated(turn, clause: clause, term: range) else { continue }
                    seen.insert(mention.value)
                    taken.append(Quote(text: mention.value, span: turn.span(range)))
                }
            }
        }
        return taken
    }

    /// The doctor's diagnosis: the one named most (the latest on a tie), not denied, not only asked about; with
    /// its spans and whether the doctor was unsure.
    func diagnosis() -> Finding? {
        var found: [String: (count: Int, last: Int, evidence: [EvidenceSpan], uncertain: Bool, sure: Bool)] = [:]
        for turn in turns where turn.speaker == .doctor {
            for clause in turn.clauses() {
                let uncertain = isUncertain(turn, clause)
                if isQuestion(turn, clause), !uncertain { continue }
                for mention in Self.diagnosisIndex.matches(in: Array(turn.characters[clause])) {
                    let range = (mention.range.lowerBound + clause.lowerBound)..<(mention.range.upperBound + clause.lowerBound)
                    if isNegated(turn, clause: clause, term: range) || turn.string(clause).contains("排除") { continue }
                    var entry = found[mention.value] ?? (0, 0, [], false, false)
                    entry.count += 1
                    entry.last = turn.index
                    if entry.evidence.count < 3 { entry.evidence.append(turn.span(range)) }
                    if uncertain { entry.uncertain = true } else { entry.sure = true }
                    found[mention.value] = entry
                }
            }
        }
        guard let best = found.max(by: { ($0.value.count, $0.value.last) < ($1.value.count, $1.value.last) }) else { return nil }
        var finding = Finding(name: best.key, present: true, evidence: best.value.evidence, firstSaid: (best.value.last, 0))
        finding.uncertain = best.value.uncertain && !best.value.sure
        return finding
    }

    /// Test results brought or done (a test named with a result), quoted.
    func testResults() -> [Quote] {
        quotes { turn, clause, text in
            guard Self.testIndex.matches(in: Array(turn.characters[clause])).isEmpty == false,
                  Terms.resultCues.contains(where: text.contains), !isQuestion(turn, clause)
            else { return false }
            return !["建议", "需要", "去查", "再查", "复查", "可以查", "要查"].contains(where: text.contains)
        }
    }

    /// The doctor's advice, orders and treatment, strongest first, at most `limit`, in the order said.
    func advice(limit: Int) -> [Quote] {
        var scored: [(Quote, Int, Int)] = []
        var order = 0
        for turn in turns where turn.speaker == .doctor {
            for clause in turn.clauses() where !isQuestion(turn, clause) {
                guard let trimmed = trimmed(turn, clause), trimmed.count >= 4 else { continue }
                let text = turn.string(trimmed)
                guard Terms.adviceCues.contains(where: text.contains) else { continue }
                if Self.diagnosisIndex.matches(in: Array(turn.characters[trimmed])).isEmpty == false, isUncertain(turn, trimmed) { continue }
                var score = Self.strongAdvice.contains(where: text.contains) ? 2 : 1
                if !Self.medicineIndex.matches(in: Array(turn.characters[trimmed])).isEmpty { score += 1 }
                if !Self.testIndex.matches(in: Array(turn.characters[trimmed])).isEmpty { score += 1 }
                scored.append((Quote(text: text, span: turn.span(trimmed)), score, order))
                order += 1
            }
        }
        var chosen = scored.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }
        var seen: Set<String> = []
        chosen = chosen.filter { seen.insert($0.0.text).inserted }
        return chosen.prefix(limit).sorted { $0.2 < $1.2 }.map(\.0)
    }

    /// Past illnesses, or a healthy past, from the patient (or a denied question about it).
    func pastHistory() -> [Quote] {
        var found = quotes(patientSide: true) { turn, clause, text in
            if Terms.healthyPast.contains(where: text.contains) { return true }
            guard Terms.pastCues.contains(where: text.contains) else { return false }
            return Self.diagnosisIndex.matches(in: Array(turn.characters[clause])).contains { mention in
                let range = (mention.range.lowerBound + clause.lowerBound)..<(mention.range.upperBound + clause.lowerBound)
                return !isNegated(turn, clause: clause, term: range)
            }
        }
        if found.isEmpty, let denial = deniedAnswer(toQuestionWith: ["以前", "之前", "既往", "平时"], and: ["病", "身体"]) {
            found.append(Quote(text: "既往体健", span: denial))
        }
        return found
    }

    /// Allergies, or their denial.
    func allergies() -> [Quote] {
        var found = quotes(patientSide: true) { _, _, text in text.contains("过敏") && !text.contains("鼻炎") }
        if found.isEmpty, let denial = deniedAnswer(toQuestionWith: ["过敏"], and: ["过敏"]) {
            found.append(Quote(text: "否认过敏史", span: denial))
        }
        return found
    }

    /// Illness in the family.
    func familyHistory() -> [Quote] {
        quotes(patientSide: true) { _, _, text in ["家里人", "家族", "遗传"].contains(where: text.contains) }
    }

    /// Birth, feeding, vaccines and habits.
    func personalHistory() -> [Quote] {
        quotes(patientSide: true) { _, _, text in Terms.personalCues.contains(where: text.contains) }
    }

    /// Examination findings and vital signs said by the doctor (or others in the room).
    func examination() -> [Quote] {
        var found: [Quote] = []
        for turn in turns where turn.speaker == .doctor || turn.speaker == .other {
            for clause in turn.clauses() where !isQuestion(turn, clause) {
                let text = turn.string(clause)
                let vital = Self.vitalCues.contains(where: text.contains) && text.contains(where: \.isNumber)
                guard vital || Terms.examCues.contains(where: text.contains), let trimmed = trimmed(turn, clause) else { continue }
                found.append(Quote(text: turn.string(trimmed), span: turn.span(trimmed)))
            }
        }
        return found
    }

    // MARK: Helpers

    private func quotes(patientSide: Bool = false, where accept: (TurnText, Range<Int>, String) -> Bool) -> [Quote] {
        var found: [Quote] = []
        var seen: Set<String> = []
        for turn in turns where !patientSide || turn.isPatientSide {
            for clause in turn.clauses() where accept(turn, clause, turn.string(clause)) {
                guard let trimmed = trimmed(turn, clause) else { continue }
                let text = turn.string(trimmed)
                if seen.insert(text).inserted { found.append(Quote(text: text, span: turn.span(trimmed))) }
            }
        }
        return found
    }

    /// The span of a patient's bare "no" to a doctor's question holding one word of each list.
    private func deniedAnswer(toQuestionWith first: [String], and second: [String]) -> EvidenceSpan? {
        for (position, turn) in turns.enumerated() where turn.speaker == .doctor {
            let text = String(turn.characters)
            guard first.contains(where: text.contains), second.contains(where: text.contains),
                  let answer = turns[(position + 1)..<min(position + 3, turns.count)].first(where: { $0.speaker == .patient }),
                  let clause = answer.clauses().first,
                  Self.negativeAnswers.contains(where: answer.string(clause).hasPrefix)
            else { continue }
            return answer.span(clause)
        }
        return nil
    }

    /// The clause without leading fillers (嗯, 好的, 那么…) and trailing particles, or nil when nothing is left.
    func trimmed(_ turn: TurnText, _ clause: Range<Int>) -> Range<Int>? {
        var lower = clause.lowerBound, upper = clause.upperBound
        var changed = true
        while changed {
            changed = false
            for filler in Self.leadingFillers where lower < upper {
                if turn.characters.firstIndex(of: filler, in: lower..<upper) == lower {
                    lower += filler.count
                    changed = true
                }
            }
            while lower < upper, turn.characters[lower].isWhitespace || turn.characters[lower].isPunctuation { lower += 1; changed = true }
        }
        while upper > lower, "的吧呢啊哈呀哦了嘛".contains(turn.characters[upper - 1]) || turn.characters[upper - 1].isWhitespace { upper -= 1 }
        return upper > lower ? lower..<upper : nil
    }

    static let medicineIndex = TermIndex(Terms.medicines.map { ($0, $0) })
    static let testIndex = TermIndex(Terms.tests.map { ($0, $0) })
    static let diagnosisIndex = TermIndex(Terms.diagnoses.map { ($0, $0 == "上感" ? "上呼吸道感染" : $0) })
    static let strongAdvice = ["建议", "口服", "复查", "注意", "观察", "就医", "就诊", "医院", "多喝水", "清淡", "物理降温", "雾化", "随诊", "复诊", "继续", "避免", "不要"]
    static let vitalCues = ["体温", "心率", "脉搏", "呼吸", "血压", "血氧", "次/分", "mmhg"]
    static let leadingFillers = ["嗯嗯", "嗯", "哦", "啊", "好的", "好", "那么", "那", "所以", "另外", "然后", "就是", "这个", "其实", "您好", "你好"]
}
