import Clinical

/// Temperatures, the course, medicines, diagnoses, tests, advice and the examination.
extension ChineseReading {
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

    /// How the illness has gone so far, as the patient put it: better (好转) or not (无明显改善).
    func course() -> Quote? {
        for turn in turns where turn.isPatientSide {
            for clause in turn.clauses() where !isQuestion(turn, clause) {
                for course in Terms.words.courses {
                    for word in course.said {
                        if let index = turn.characters.firstIndex(of: word, in: clause) {
                            return Quote(text: course.name, span: turn.span(index..<(index + word.count)))
                        }
                    }
                }
            }
        }
        return nil
    }

    /// The patient's clauses that say what makes the complaint worse (低头看手机更明显, 躺下更厉害), as said;
    /// not in a question, and not of a relative's illness.
    func modifiers() -> [Quote] {
        quotes(patientSide: true) { turn, clause, text in
            Terms.modifierCues.contains(where: text.includes) && !isQuestion(turn, clause) && !isARelativesToo(turn, clause)
        }
    }

    /// Medicines the patient has taken (not denied), each once, first mention kept.
    func medicinesTaken() -> [Quote] {
        var seen: Set<String> = []
        var taken: [Quote] = []
        for turn in turns where turn.isPatientSide {
            for clause in turn.clauses() where !isAllergyReaction(turn, clause) {
                // "还是直接吃思密达" goes on asking "…行吗？还是…".
                let question = isQuestion(turn, clause) || turn.string(clause).hasPrefix("还是")
                // 布洛芬颗粒 and later 布洛芬 are one medicine.
                for mention in medicineMentions(in: turn, clause)
                where !seen.contains(where: { $0.hasPrefix(mention.value) || mention.value.hasPrefix($0) }) {
                    let range = mention.range
                    guard !isNegated(turn, clause: clause, term: range) else { continue }
                    // A question names a medicine as taken only with a word of taking before it: "吃了美林还烧怎么办"
                    // tells, "妈咪爱可以吗" and "需要去医院输液吗" ask.
                    let justBefore = turn.string(max(clause.lowerBound, range.lowerBound - 6)..<range.lowerBound)
                    if question, !Self.takenCues.contains(where: justBefore.includes) { continue }
                    // 缺钙 is a deficiency found, not calcium given; "我们去做做雾化看看", "准备吃妈咪爱" are not done yet.
                    if justBefore.hasSuffix("缺") || Self.intentCues.contains(where: justBefore.includes) { continue }
                    // 对头孢过敏, 头孢过敏: an allergen, not a medicine taken (过敏了吃了氯雷他定 took one).
                    let justAfter = turn.string(range.upperBound..<min(clause.upperBound, range.upperBound + 4))
                    if justAfter.includes("过敏") { continue }
                    // "阿司匹林没吃过", "头孢也不吃": named, then denied.
                    if Self.isDeniedAfterItsName(justAfter) { continue }
                    seen.insert(mention.value)
                    taken.append(Quote(text: mention.value, span: turn.span(range)))
                }
            }
        }
        return taken
    }

    /// Whether the words right after a name deny it: 没/不 after at most 也, 都, 从来, 还.
    static func isDeniedAfterItsName(_ after: String) -> Bool {
        let rest = after.drop { "也都从来还就".contains($0) }
        return rest.hasPrefix("没") || rest.hasPrefix("不")
    }

    /// The doctor's diagnosis: the one named most (the latest on a tie), not denied, not only asked about; with
    /// its spans and whether the doctor was unsure.
    func diagnosis() -> Finding? {
        // `last` is where it was last named (turn, character): unique per diagnosis, so the choice never depends on
        // the dictionary's order, which differs from run to run.
        var found: [String: (score: Double, last: (turn: Int, offset: Int), evidence: [EvidenceSpan], uncertain: Bool, sure: Bool)] = [:]
        for turn in turns where turn.speaker == .doctor {
            for clause in turn.clauses() {
                let uncertain = isUncertain(turn, clause)
                if isQuestion(turn, clause), !uncertain { continue }
                let text = turn.string(clause)
                // "化验微量元素看看缺钙铁锌不" orders a test.
                if !turn.matches(Self.testIndex, in: clause).isEmpty, Self.orderWords.contains(where: text.includes) { continue }
                // "诊断酒精性脂肪性肝病", "急性肾盂肾炎": named as said, more than the listed name inside it says; a name that is
                // only a listed one (诊断支气管炎) is that.
                let mentions = turn.matches(Self.diagnosisIndex, in: clause)
                let asSaid = diagnosisNamedAsSaid(in: turn, clause).flatMap { named in
                    mentions.contains { $0.range == named } ? nil : named
                }
                for mention in mentions where !(asSaid?.contains(mention.range.lowerBound) ?? false) {
                    let range = mention.range
                    if isNegated(turn, clause: clause, term: range) || text.contains("排除") { continue }
                    // "如果有湿疹", "防止腹泻和便秘": supposed or prevented, not found.
                    let before = turn.string(clause.lowerBound..<range.lowerBound)
                    if Self.hypotheticalCues.contains(where: before.includes) { continue }
                    var entry = found[mention.value] ?? (0, (0, 0), [], false, false)
                    // Named as the diagnosis (诊断 most, 考虑 or 是 less) counts more than mentioned; vague ones (过敏,
                    // 病毒感染) less.
                    let named = Self.diagnosedCues.contains(where: text.includes) ? 3.0 : Self.namingCues.contains(where: text.includes) ? 2.0 : 1.0
                    // "细菌性感染需要用抗生素" explains; only "属于细菌性感染" names one.
                    if mention.value.hasSuffix("感染"), Self.vagueDiagnoses.contains(mention.value), named == 1 { continue }
                    entry.score += named * (Self.vagueDiagnoses.contains(mention.value) ? 0.5 : 1)
                    entry.last = (turn.index, range.lowerBound)
                    if entry.evidence.count < 3 { entry.evidence.append(turn.span(range)) }
                    if uncertain { entry.uncertain = true } else { entry.sure = true }
                    found[mention.value] = entry
                }
                // "诊断鼻出血，高血压病": a diagnosis the knowledge does not list, named as the doctor said it, counts as one
                // named there.
                if let named = asSaid {
                    let name = turn.string(named)
                    var entry = found[name] ?? (0, (0, 0), [], false, false)
                    entry.score += Self.diagnosedCues.contains(where: text.includes) ? 3 : 2
                    entry.last = (turn.index, named.lowerBound)
                    if entry.evidence.count < 3 { entry.evidence.append(turn.span(named)) }
                    if uncertain { entry.uncertain = true } else { entry.sure = true }
                    found[name] = entry
                }
            }
        }
        guard
            let best = found.max(by: {
                ($0.value.score, $0.value.last.turn, $0.value.last.offset) < ($1.value.score, $1.value.last.turn, $1.value.last.offset)
            })
        else { return diagnosisMadeBefore() }
        var finding = Finding(name: best.key, present: true, evidence: best.value.evidence, firstSaid: best.value.last)
        finding.uncertain = best.value.uncertain && !best.value.sure
        return finding
    }

    /// A diagnosis the family reports from an earlier visit or test ("检查是支气管肺炎", "医生说支气管炎"), for when
    /// the doctor names none; its evidence is the family's words.
    private func diagnosisMadeBefore() -> Finding? {
        for turn in turns where turn.isPatientSide {
            for clause in turn.clauses() where !isQuestion(turn, clause) {
                let text = turn.string(clause)
                guard Self.reportedDiagnosisCues.contains(where: text.includes) else { continue }
                // "检查出急性胃肠炎，可初六就好了": an illness that is over.
                let sentence = turn.string(turn.sentence(around: clause.lowerBound))
                if sentence.contains("好了") || Terms.pastCues.contains(where: sentence.includes) { continue }
                for mention in turn.matches(Self.diagnosisIndex, in: clause) where !isNegated(turn, clause: clause, term: mention.range) {
                    let before = turn.string(clause.lowerBound..<mention.range.lowerBound)
                    guard Self.reportedDiagnosisCues.contains(where: before.includes) else { continue }
                    return Finding(
                        name: mention.value, present: true, evidence: [turn.span(mention.range)], firstSaid: (turn.index, mention.range.lowerBound))
                }
            }
        }
        return nil
    }

    /// Test results brought or done: a test named with its result, quoted from the test's name on.
    func testResults() -> [Quote] {
        var found: [Quote] = []
        // The test named last, for a result said after it without its name: "查个尿妊娠试验。结果阴性。"
        var lastTest: (name: String, turn: Int)?
        for turn in turns {
            for clause in turn.clauses() where !isQuestion(turn, clause) {
                let text = Terms.withoutAOrNotA(turn.string(clause))
                let tests = turn.matches(Self.resultIndex, in: clause)
                if let test = tests.last { lastTest = (test.value, turn.index) }
                let supposed = Self.supposingCues.contains(
                    where: turn.string(turn.sentence(around: clause.lowerBound).lowerBound..<clause.upperBound).contains)
                if tests.isEmpty, !supposed, let (name, at) = lastTest, turn.index - at <= 1, Self.resultOpenings.contains(where: text.hasPrefix),
                    Terms.resultWords.contains(where: text.includes), let trimmed = trimmed(turn, clause)
                {
                    let quote = name + "：" + turn.quoted(trimmed)
                    if !found.contains(where: { $0.text == quote }) { found.append(Quote(text: quote, span: turn.span(trimmed))) }
                    continue
                }
                guard let first = tests.first,
                    Terms.resultWords.contains(where: text.includes) || (text.contains("值") && text.contains(where: \.isNumber))
                        || tests.contains(where: { isFollowedByAValue(turn, $0.range, in: clause) }),
                    !Self.orderWords.contains(where: text.includes),
                    // "如果…或者听诊异常", "肝功能异常，一般提示肝脏损伤": supposed or explained, not found.
                    !supposed
                else { continue }
                let start = first.range.lowerBound
                guard var trimmed = trimmed(turn, start..<clause.upperBound), trimmed.count > first.range.count + 1 else { continue }
                // "腹部彩超提示阑尾增粗，周围少量渗出": a report goes on in the clauses after it that name nothing else.
                if Self.reportVerbs.contains(where: text.includes) {
                    let sentence = turn.sentence(around: clause.lowerBound)
                    for next in turn.clauses() where next.lowerBound > trimmed.upperBound && next.upperBound <= sentence.upperBound {
                        let said = turn.string(next)
                        guard turn.matches(Self.resultIndex, in: next).isEmpty, !namesADiagnosis(turn, next), !Terms.advises(said),
                            let more = self.trimmed(turn, trimmed.lowerBound..<next.upperBound)
                        else { break }
                        trimmed = more
                    }
                }
                let quote = String(turn.quoted(trimmed).map { $0 == "," ? "，" : $0 })
                if !found.contains(where: { $0.text.contains(quote) || quote.contains($0.text) }) {
                    found.append(Quote(text: quote, span: turn.span(trimmed)))
                }
            }
        }
        return Array(found.prefix(6))
    }

    /// A test's name with its value right after it (直接胆红素22.6, 黄疸指数是221): a result.
    private func isFollowedByAValue(_ turn: TurnText, _ test: Range<Int>, in clause: Range<Int>) -> Bool {
        var index = test.upperBound
        while index < clause.upperBound, turn.characters[index].isWhitespace { index += 1 }
        if index < clause.upperBound, "是为有:：".contains(turn.characters[index]) { index += 1 }
        return index < clause.upperBound && turn.characters[index].isNumber
    }

    /// The doctor's advice, orders and treatment, strongest first, at most `limit`, in the order said.
    func advice(limit: Int) -> [Quote] {
        var scored: [(Quote, Int, Int)] = []
        var order = 0
        for turn in turns where turn.speaker == .doctor {
            for clause in turn.clauses() where !isQuestion(turn, clause) {
                guard let trimmed = trimmed(turn, clause), trimmed.count >= 4 else { continue }
                let text = turn.string(trimmed)
                guard Terms.advises(text), !["询问", "问题", "帮助", "服务"].contains(where: text.includes) else { continue }
                if turn.matches(Self.diagnosisIndex, in: trimmed).isEmpty == false, isUncertain(turn, trimmed) { continue }
                var score = Self.strongAdvice.contains(where: text.includes) ? 2 : 1
                if !turn.matches(Self.medicineIndex, in: trimmed).isEmpty { score += 1 }
                if !turn.matches(Self.testIndex, in: trimmed).isEmpty { score += 1 }
                scored.append((Quote(text: text, span: turn.span(trimmed)), score, order))
                order += 1
            }
        }
        var chosen = scored.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }
        var seen: Set<String> = []
        chosen = chosen.filter { seen.insert($0.0.text).inserted }
        return chosen.prefix(limit).sorted { $0.2 < $1.2 }.map(\.0)
    }

    /// Vital signs (written T 38.5℃, P 120次/分, R 30次/分, BP 120/80mmHg, SpO2 98%) and examination findings
    /// (quoted) said by the doctor or others in the room.
    func examination() -> [Quote] {
        var vitals: [Quote] = []
        var findings: [Quote] = []
        for turn in turns where turn.speaker == .doctor || turn.speaker == .other {
            // Read over the whole turn: "血压测一下，130/85" says a vital sign across a comma.
            let clauses = turn.clauses()
            let allSaid = ChineseVitals.find(in: turn.characters, range: 0..<turn.characters.count).filter { vital in
                !clauses.contains { $0.contains(vital.range.lowerBound) && isQuestion(turn, $0) }
            }
            for vital in allSaid where !vitals.contains(where: { $0.text.prefix(2) == vital.text.prefix(2) }) {
                vitals.append(Quote(text: vital.text, span: turn.span(vital.range)))
            }
            for clause in clauses where !isQuestion(turn, clause) {
                let said = allSaid.filter { $0.range.overlaps(clause) }
                let text = turn.string(clause)
                // "考虑带状疱疹" names a finding in the doctor's assessment, not in the examination.
                guard said.isEmpty, Terms.examCues.contains(where: text.includes), !isUncertain(turn, clause), !namesADiagnosis(turn, clause),
                    // "控制体重" advises: an advice said in the clause makes it the plan's, not a finding.
                    turn.matches(Self.adviceIndex, in: clause).isEmpty,
                    // "三天不退烧或者摸着有波动感，要来复查": a condition for coming back, not a finding.
                    !Self.comeBackCues.contains(where: turn.string(clause.upperBound..<turn.sentence(around: clause.lowerBound).upperBound).includes),
                    let trimmed = trimmed(turn, clause)
                else { continue }
                findings.append(Quote(text: turn.quoted(trimmed), span: turn.span(trimmed)))
            }
        }
        return vitals + findings
    }

    /// "这是过敏性结膜炎": a diagnosis named (考虑, 是, 诊断…) in the clause, the doctor's assessment.
    func namesADiagnosis(_ turn: TurnText, _ clause: Range<Int>) -> Bool {
        let named = turn.matches(Self.diagnosisIndex, in: clause).contains { mention in
            Self.namingCues.contains(where: turn.string(clause.lowerBound..<mention.range.lowerBound).includes)
        }
        return named || listsDiagnoses(turn, clause) || diagnosisNamedAsSaid(in: turn, clause) != nil
    }

    /// Whether a clause only lists diagnoses after a clause of its sentence that names one: the second clause of
    /// "诊断桥本甲状腺炎，甲状腺功能减退症" or "诊断轮状病毒肠炎，轻度脱水" (a degree word or two may stand with them).
    func listsDiagnoses(_ turn: TurnText, _ clause: Range<Int>) -> Bool {
        let mentions = turn.matches(Self.diagnosisIndex, in: clause)
        guard !mentions.isEmpty, clause.count - mentions.reduce(0) { $0 + $1.range.count } <= 3 else { return false }
        let before = turn.string(turn.sentence(around: clause.lowerBound).lowerBound..<clause.lowerBound)
        return Self.diagnosedCues.contains(where: before.includes) || Self.namingCues.contains(where: before.includes)
    }

    static let diagnosisJoiners = Set(Terms.words[.diagnosisJoiners])

    /// Diagnoses named beside the main one in a sentence that names it ("诊断桥本甲状腺炎，甲状腺功能减退症", "考虑失眠障碍
    /// 伴焦虑状态"), in the order said; each as sure as the main one.
    func diagnoses(beside main: Finding) -> [Finding] {
        var others: [Finding] = []
        for turn in turns where turn.speaker == .doctor {
            for clause in turn.clauses() where !isQuestion(turn, clause) || isUncertain(turn, clause) {
                // The clause first: the sentence is read for the main diagnosis only when the clause names another.
                let mentions = turn.matches(Self.diagnosisIndex, in: clause)
                let sentence = turn.sentence(around: clause.lowerBound)
                guard mentions.contains(where: { $0.value != main.name }),
                    turn.matches(Self.diagnosisIndex, in: sentence).contains(where: { $0.value == main.name })
                        || turn.string(sentence).contains(main.name)
                else { continue }
                let text = turn.string(clause)
                for (index, mention) in mentions.enumerated()
                where mention.value != main.name && !main.name.contains(turn.string(mention.range)) && !Self.vagueDiagnoses.contains(mention.value)
                    && !others.contains(where: { $0.name == mention.value })
                {
                    // Only a clause that diagnoses (诊断…) or lists diagnoses, or one joined to the main one (A伴B): "支气管炎
                    // 和肺炎高发期", "支气管炎或者肺炎" are talk and doubt, not a second diagnosis.
                    let joined = [index - 1, index + 1].contains { near in
                        guard mentions.indices.contains(near), mentions[near].value == main.name else { return false }
                        let (first, second) = near < index ? (mentions[near], mention) : (mention, mentions[near])
                        return Self.diagnosisJoiners.contains(turn.string(first.range.upperBound..<second.range.lowerBound))
                    }
                    guard joined || Self.diagnosedCues.contains(where: text.includes) || listsDiagnoses(turn, clause), !text.contains("排除")
                    else { continue }
                    let before = turn.string(clause.lowerBound..<mention.range.lowerBound)
                    if isNegated(turn, clause: clause, term: mention.range) || Self.hypotheticalCues.contains(where: before.includes) { continue }
                    var other = Finding(
                        name: mention.value, present: true, evidence: [turn.span(mention.range)], firstSaid: (turn.index, mention.range.lowerBound))
                    other.uncertain = main.uncertain
                    others.append(other)
                }
            }
        }
        return others
    }

    // MARK: Helpers

    func quotes(patientSide: Bool = false, where accept: (TurnText, Range<Int>, String) -> Bool) -> [Quote] {
        var found: [Quote] = []
        var seen: Set<String> = []
        for turn in turns where !patientSide || turn.isPatientSide {
            for clause in turn.clauses() where accept(turn, clause, turn.string(clause)) {
                guard let trimmed = trimmed(turn, clause, dropping: patientSide ? Terms.speakerWords : []) else { continue }
                let text = turn.quoted(trimmed)
                if seen.insert(text).inserted { found.append(Quote(text: text, span: turn.span(trimmed))) }
            }
        }
        return found
    }

    /// The clause without leading fillers (嗯, 好的, 那么…), the leading words of `dropping` and trailing particles, or nil
    /// when nothing is left.
    func trimmed(_ turn: TurnText, _ clause: Range<Int>, dropping: [String] = []) -> Range<Int>? {
        var lower = clause.lowerBound, upper = clause.upperBound
        let leading = dropping.isEmpty ? Terms.leadingFillers : Terms.leadingFillers + dropping
        var changed = true
        while changed {
            changed = false
            for filler in leading where lower < upper {
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

    /// How a result said without its test's name begins.
    static let resultOpenings = Terms.words[.resultOpenings]
    static let orderWords = Terms.words[.orderWords]
    static let reportedDiagnosisCues = Terms.words[.reportedDiagnosisCues]
    static let diagnosedCues = Terms.words[.diagnosedCues]
    static let hypotheticalCues = Terms.words[.hypotheticalCues]
    static let namingCues = Terms.words[.namingCues]
    static let vagueDiagnoses = Set(Terms.words[.vagueDiagnoses])
    static let symptomLike = Set(Terms.words[.symptomLike])
    static let supposingCues = Terms.words[.supposingCues]
    static let takingVerbs = Terms.words[.takingVerbs].compactMap(\.first)
    static let intentCues = Terms.words[.intentCues]
    static let takenCues = Terms.words[.takenCues]
    static let ageCues = Terms.words[.ageCues]
    static let medicineIndex = TermIndex(Terms.medicineNames.map { ($0.key, $0.value) })
    // Written as records write them: CRP and B超 in capitals (they are matched case-blind), 听诊 of the lungs.
    static let testIndex = termIndex(ofTests: Terms.testNames)
    /// Tests by the ways they are said, written as records write them: the drafter's own names first, a word that is its
    /// own name in capitals (CRP, B超), the terms' record names as they are.
    private static func termIndex(ofTests names: [String: String]) -> TermIndex<String> {
        TermIndex(names.map { said, name in (said, testNames[said] ?? (said == name ? name.uppercased() : name)) })
    }

    /// The record's name for a test said another way.
    static let testNames = Terms.words.testsWrittenAs
    /// Tests and analytes (白细胞, TSH), as results name them.
    static let resultIndex = termIndex(ofTests: Terms.resultNames)
    static let diagnosisIndex = TermIndex(Terms.diagnosisNames.map { ($0.key, $0.value) })
    static let strongAdvice = Terms.words[.strongAdvice]
    static let comeBackCues = Terms.words[.comeBackCues]
    /// Words a report gives its findings with (提示, 显示), whose sentence goes on with more of them.
    static let reportVerbs = Terms.words[.reportVerbs]
}
