import Foundation
import Clinical

/// What a Chinese consultation says, read clause by clause: symptoms present and denied (also by a doctor's question
/// and the patient's answer), durations, temperatures, medicines taken, tests and results, the doctor's diagnosis
/// and advice. Every piece keeps the spans it was read from.
struct ChineseReading: Sendable {
    typealias Terms = ChineseClinicalTerms
    let turns: [TurnText]

    init(_ transcript: [TranscriptTurn]) {
        turns = transcript.enumerated().map { TurnText(index: $0.offset, turn: $0.element) }
    }

    /// Turns written from the pre-visit conversation.
    var reportedTurns: Set<Int> { Set(turns.filter { $0.speaker == .previsit }.map(\.index)) }

    /// Whether the patient is a child (患儿) rather than an adult (患者): the family or the doctor speaks of one, or
    /// the `age` said is under 14.
    func isAboutAChild(age: Quote?) -> Bool {
        if let years = age.flatMap({ Self.years(of: $0.text) }), years >= 14 { return false }
        // "我妈今年六十八，…": the patient is the adult relative the opening names.
        if let opening = turns.first(where: \.isPatientSide), let first = opening.clauses().first,
            Terms.words.relatives.contains(where: { $0.said.contains(where: opening.string(first).hasPrefix) })
        {
            return false
        }
        if turns.contains(where: speaksOfAChild) { return true }
        guard let age = age?.text else { return false }
        guard let years = Self.years(of: age) else { return true }
        return years < 14
    }

    /// Whether the turn speaks of a child as the patient: "想要孩子" wishes for one.
    private func speaksOfAChild(_ turn: TurnText) -> Bool {
        let wishes = turn.matches(Self.childWishes, in: 0..<turn.characters.count).map(\.range)
        return turn.matches(Self.childCueIndex, in: 0..<turn.characters.count).contains { cue in !wishes.contains { $0.overlaps(cue.range) } }
    }

    private static let childCueIndex = TermIndex(Terms.childCues.map { ($0, ()) })
    /// Words that wish for or have just borne a child (想要孩子, 生完孩子): not a child who is the patient.
    static let childWishWords = Terms.words[.childWishes]
    private static let childWishes = TermIndex(childWishWords.map { ($0, ()) })

    /// The years of an age written in years (3岁, 3岁半); nil for one in months or days.
    static func years(of age: String) -> Double? {
        guard age.hasSuffix("岁") || age.hasSuffix("岁半") else { return nil }
        return Double(age.prefix { $0.isNumber || $0 == "." })
    }

    /// Whether the patient is a newborn: called one, or the `age` said is 28 days or less.
    func isAboutANewborn(age: Quote?) -> Bool {
        if turns.contains(where: { $0.characters.contains("新生儿", in: 0..<$0.characters.count) }) { return true }
        guard let age = age?.text, age.hasSuffix("天"), let days = Double(age.dropLast()) else { return false }
        return days <= 28
    }

    // MARK: Symptoms

    /// Symptoms present and denied, in the order first said; present wins over denied when both were said.
    func symptoms() -> [Finding] {
        var byName: [String: Finding] = [:]
        var denialsResolved: Set<String> = [], gone: Set<String> = []
        var mentions: [String: Int] = [:]
        func note(_ name: String, present: Bool, evidence: [EvidenceSpan], at place: (Int, Int), resolved: Bool = false) {
            if var finding = byName[name] {
                if finding.present != present {
                    if !(resolved || denialsResolved.contains(name)) { finding.conflicting = true }
                    if present {
                        finding.present = true
                        finding.evidence = evidence
                        finding.firstSaid = place
                    }
                } else if finding.evidence.count < 3 {
                    finding.evidence += evidence.filter { !finding.evidence.contains($0) }
                }
                byName[name] = finding
            } else {
                byName[name] = Finding(name: name, present: present, evidence: evidence, firstSaid: place)
            }
            // "不咳了" and later "现在一直咳嗽": back again.
            if resolved {
                denialsResolved.insert(name)
                gone.insert(name)
            } else if present {
                gone.remove(name)
            }
        }
        for (position, turn) in turns.enumerated() {
            if turn.isPatientSide {
                for clause in turn.clauses()
                where !isQuestionAboutWhether(turn, clause) && !isAllergyReaction(turn, clause) && !isARelativesToo(turn, clause) {
                    for mention in symptomMentions(in: turn, clause) {
                        let range = mention.range
                        // "不想活的念头没有": named, then denied at the clause's end.
                        let deniedAfter = Self.deniedAtTheEnd.contains(turn.string(range.upperBound..<clause.upperBound))
                        let denied = deniedAfter || isNegated(turn, clause: clause, term: mention.denialPoint..<range.upperBound)
                        let resolved = denied && turn.characters.contains("了", in: range.upperBound..<min(range.upperBound + 2, clause.upperBound))
                        // "不咳嗽了": it was there and has gone, so it belongs to this illness.
                        note(
                            mention.value, present: !denied || resolved, evidence: [turn.span(range)], at: (turn.index, mention.denialPoint),
                            resolved: resolved)
                        mentions[mention.value, default: 0] += 1
                    }
                    // A temperature of 37.3℃ or more is a fever, however it was put ("测下体温38.9，这算是发烧吗").
                    for temperature in ChineseQuantities.temperatures(in: turn.characters, range: clause) where temperature.value >= 37.3 {
                        // Not counted as a mention: the readings of a fever already complained of do not make it the main complaint.
                        note("发热", present: true, evidence: [turn.span(temperature.range)], at: (turn.index, temperature.range.lowerBound))
                    }
                }
            } else if turn.speaker == .doctor {
                for (name, question, answer) in answeredQuestions(from: position) {
                    note(name, present: answer.present, evidence: [question, answer.span], at: (question.turn, question.start))
                    mentions[name, default: 0] += 1
                }
            }
        }
        return byName.values.map { finding in
            var counted = finding
            counted.mentions = mentions[finding.name] ?? 1
            counted.resolved = gone.contains(finding.name)
            return counted
        }.sorted { ($0.firstSaid.turn, $0.firstSaid.offset, $0.name) < ($1.firstSaid.turn, $1.firstSaid.offset, $1.name) }
    }

    /// A doctor's yes/no question about symptoms and the patient's bare answer (没有 / 有): the symptoms asked about,
    /// the span of each in the question, and the answer.
    private func answeredQuestions(from position: Int) -> [(String, EvidenceSpan, (present: Bool, span: EvidenceSpan))] {
        let doctorTurn = turns[position]
        guard let answerTurn = patientAnswer(after: position),
            let answerClause = answerTurn.clauses().first
        else { return [] }
        let questions = doctorTurn.clauses().filter { isQuestion(doctorTurn, $0) }
        let answers = answerTurn.clauses()
        // Two questions answered in as many clauses ("尿的时候疼不疼？有没有尿血？" "不疼，也没见过血。"): each clause answers
        // its own question; answered in another number of clauses, only one question asked is read.
        let pairs: [(question: Range<Int>, answer: Range<Int>)]
        if questions.count > 1 {
            // More clauses than questions ("不急也不痛，生过三个，都是顺产"): the first ones answer the questions in turn.
            guard answers.count >= questions.count || answers.count == 1 else { return [] }
            pairs = answers.count == 1 ? questions.map { ($0, answerClause) } : Array(zip(questions, answers))
        } else {
            pairs = questions.map { ($0, answerClause) }
        }
        var asked: [(String, EvidenceSpan, (Bool, EvidenceSpan))] = []
        for (question, answer) in pairs {
            guard let present = bareAnswer(answerTurn, answer) else { continue }
            for mention in symptomMentions(in: doctorTurn, question) {
                asked.append((mention.value, doctorTurn.span(mention.range), (present, answerTurn.span(answer))))
            }
        }
        return asked
    }

    /// A bare yes or no (没有, 有, 不疼, 也没见过血): nil for an answer that names a symptom or a disease, which is read as
    /// what it says (有过敏性鼻炎 answers "过敏性鼻炎或者哮喘？" for the rhinitis alone).
    private func bareAnswer(_ turn: TurnText, _ clause: Range<Int>) -> Bool? {
        guard symptomMentions(in: turn, clause).isEmpty, turn.matches(Self.diagnosisIndex, in: clause).isEmpty else { return nil }
        let text = turn.string(clause).drop { "也都".contains($0) }
        if Self.negativeAnswers.contains(where: text.hasPrefix) { return false }
        if Self.positiveAnswers.contains(where: text.hasPrefix) { return true }
        return saysAllIsWell(String(text)) ? false : nil
    }

    /// Whether an answer says all is well (咽东西没问题, 大便颜色正常) with no denial of it (不正常, 不太好).
    private func saysAllIsWell(_ text: String) -> Bool {
        Self.fineAnswers.contains { word in
            guard let found = text.range(of: word) else { return false }
            return !text[..<found.lowerBound].hasSuffix("不") && !text[..<found.lowerBound].hasSuffix("不太")
        }
    }

    // MARK: Clause reading

    /// The symptoms named in a clause, leaving out symptom words inside a treatment's name (止咳糖浆, 退烧药, 去黄疸的药
    /// name what was given, not what the child has) or inside another word (红烧).
    ///
    /// A body site with a quality said a few characters after it is a symptom too (小便的时候很痛 → 尿痛, 眼睛又红又痒 → 眼红,
    /// 眼痒), and replaces the words it holds (痒 alone is 瘙痒); a denial between them (腿不麻) is found from the quality on,
    /// so `denialPoint` is where to look back from.
    func symptomMentions(in turn: TurnText, _ clause: Range<Int>) -> [(range: Range<Int>, value: String, denialPoint: Int)] {
        let composed = composedMentions(in: turn, clause)
        let mentions = turn.matches(Self.symptomIndex, in: clause)
            .filter { mention in !composed.contains { $0.range.contains(mention.range.lowerBound) && $0.range.upperBound >= mention.range.upperBound }
            }
            .map { (range: $0.range, value: $0.value, denialPoint: $0.range.lowerBound) }
        return kept(mentions + composed, in: turn, clause).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Sites each with the qualities said within a few characters after it, before the next site. A clause with a
    /// quality and no site speaks of the last site of the clause before it, unless a symptom followed that site, or a
    /// quality did and this clause does not open with its own ("右手腕摔了一跤，现在肿得厉害" → 手腕肿; "大脚趾又红又肿，疼得睡不着"
    /// → 足趾痛; "大便的时候出血，鲜红色的" says nothing new).
    private func composedMentions(in turn: TurnText, _ clause: Range<Int>) -> [(range: Range<Int>, value: String, denialPoint: Int)] {
        let sites = turn.matches(Self.siteIndex, in: clause)
        // "脖子上起了好多红疙瘩": 红 is part of a symptom's word (红疙瘩, a rash), not a quality of the neck.
        let symptoms = Coverage(turn.matches(Self.symptomIndex, in: clause).map(\.range), in: clause)
        let qualities = turn.matches(Self.qualityIndex, in: clause).filter { !symptoms.isInsideALongerWord($0.range) }
        guard !sites.isEmpty else {
            guard let quality = qualities.first, let previous = turn.clause(before: clause.lowerBound),
                let site = turn.matches(Self.siteIndex, in: previous).last,
                turn.matches(Self.symptomIndex, in: site.range.upperBound..<previous.upperBound).isEmpty,
                quality.range.lowerBound == clause.lowerBound
                    || turn.matches(Self.qualityIndex, in: site.range.upperBound..<previous.upperBound).isEmpty
            else { return [] }
            return [(quality.range, Self.symptomName(site.value + quality.value), quality.range.lowerBound)]
        }
        var found: [(range: Range<Int>, value: String, denialPoint: Int)] = []
        for (position, site) in sites.enumerated() {
            let end = min(
                site.range.upperBound + Self.siteReach, position + 1 < sites.count ? sites[position + 1].range.lowerBound : clause.upperBound)
            for quality in qualities where quality.range.lowerBound >= site.range.upperBound && quality.range.upperBound <= end {
                found.append(
                    (site.range.lowerBound..<quality.range.upperBound, Self.symptomName(site.value + quality.value), quality.range.lowerBound))
            }
        }
        return found
    }

    private func kept(_ mentions: [(range: Range<Int>, value: String, denialPoint: Int)], in turn: TurnText, _ clause: Range<Int>)
        -> [(range: Range<Int>, value: String, denialPoint: Int)]
    {
        guard !mentions.isEmpty else { return [] }
        let otherWords = turn.matches(ChineseReading.medicineIndex, in: clause).map(\.range) + turn.matches(Self.otherWords, in: clause).map(\.range)
        return mentions.filter { mention in
            let term = mention.range
            if otherWords.contains(where: { $0.overlaps(term) }) { return false }
            if term.lowerBound > clause.lowerBound, Self.treatmentVerbs.contains(turn.characters[term.lowerBound - 1]) { return false }
            let after = turn.string(term.upperBound..<min(term.upperBound + 2, clause.upperBound))
            return !(after.hasPrefix("药") || after.hasPrefix("的药"))
        }
    }

    /// The patient's turn answering the doctor's turn at `position`: one of the next two turns.
    func patientAnswer(after position: Int) -> TurnText? {
        turns[(position + 1)..<min(position + 3, turns.count)].first { $0.speaker == .patient }
    }

    /// Whether a negation cue before the term, in the same clause and after any 但是, denies it.
    func isNegated(_ turn: TurnText, clause: Range<Int>, term: Range<Int>) -> Bool {
        var start = clause.lowerBound
        let prefix = turn.string(clause.lowerBound..<term.lowerBound)
        for word in Clause.turnWords where prefix.contains(word) {
            if let found = turn.characters.firstIndex(of: word, in: start..<term.lowerBound) { start = found + word.count }
        }
        for cue in Terms.negationCues {
            guard let found = lastIndex(of: cue, in: turn.characters, range: start..<term.lowerBound) else { continue }
            let gap = term.lowerBound - (found + cue.count)
            // A bare 不 or 没 reaches the next couple of characters only: "没吃药也发烧" still has a fever.
            if cue.count == 1, cue != "无", cue != "未", gap > 2 { continue }
            // "动不动一身汗", "好不好": a word on both sides of 不 asks or means "often", it does not deny.
            if cue == "不", found > clause.lowerBound, found + 1 < term.lowerBound, turn.characters[found - 1] == turn.characters[found + 1] {
                continue
            }
            // "不知道" and "不一定" doubt, they do not deny.
            let after = turn.string((found + cue.count)..<min(found + cue.count + 2, term.lowerBound))
            if cue == "不", after.hasPrefix("知") || after.hasPrefix("一定") || after.hasPrefix("太清楚") || after.hasPrefix("确定") { continue }
            // "没有之前咳得厉害", "没那么咳了" compare, they do not deny.
            let between = turn.string((found + cue.count)..<term.lowerBound)
            if ["之前", "以前", "原来", "那么", "那样", "这么"].contains(where: between.includes) { continue }
            return true
        }
        return false
    }

    /// A clause asked as a question (?, 吗, 有没有…).
    func isQuestion(_ turn: TurnText, _ clause: Range<Int>) -> Bool {
        if clause.upperBound < turn.characters.count, "?？".contains(turn.characters[clause.upperBound]) { return true }
        let text = turn.string(clause)
        guard Terms.questionCues.contains(where: text.includes) else { return false }
        // "没什么效果", "不怎么流鼻涕" hold a question word and ask nothing.
        guard Self.indefinites.contains(where: text.includes) else { return true }
        let asked = Self.indefinites.reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
        return Terms.questionCues.contains(where: asked.includes)
    }

    /// A patient's "is it …?" ("是不是肺炎", "会不会是…"): not a statement of having it.
    private func isQuestionAboutWhether(_ turn: TurnText, _ clause: Range<Int>) -> Bool {
        let text = turn.string(clause)
        // "37.2算发烧吗" asks whether it counts.
        return ["有没有", "是不是", "会不会", "是否", "要不要", "算不算"].contains(where: text.includes) || (text.contains("算") && isQuestion(turn, clause))
    }

    func isUncertain(_ turn: TurnText, _ clause: Range<Int>) -> Bool {
        let text = turn.string(clause)
        return Terms.uncertaintyCues.contains(where: text.includes)
    }

    func lastIndex(of cue: String, in characters: [Character], range: Range<Int>) -> Int? {
        var found: Int?
        var start = range.lowerBound
        while let index = characters.firstIndex(of: cue, in: start..<range.upperBound) {
            found = index
            start = index + 1
        }
        return found
    }

    static let symptomIndex = TermIndex(Terms.symptoms.flatMap { symptom in symptom.said.map { ($0, symptom.name) } })
    /// A site and quality composed (尿 + 红) take the name of the symptom they say, when one is said that way (尿红 → 血尿).
    static func symptomName(_ composed: String) -> String { symptomNames[composed] ?? composed }
    private static let symptomNames = Dictionary(
        Terms.symptoms.flatMap { symptom in symptom.said.map { ($0, symptom.name) } }, uniquingKeysWith: { first, _ in first })
    static let siteIndex = TermIndex(Terms.words.sites.flatMap { site in site.said.map { ($0, site.name) } })
    static let qualityIndex = TermIndex(Terms.words.qualities.flatMap { quality in quality.said.map { ($0, quality.name) } })
    /// How many characters after a site its quality may come (小便的时候很痛).
    static let siteReach = 6
    /// Words that hold a symptom's character without meaning it.
    static let otherWords = TermIndex(Terms.words[.notSymptoms].map { ($0, ()) })
    static let treatmentVerbs = Set(Terms.words[.treatmentVerbs].compactMap(\.first))
    static let indefinites = Terms.words[.indefinites]
    /// What ends a clause that denies what it named: "…的念头没有", "…也没有".
    static let deniedAtTheEnd = Set(Terms.words[.denialsAtTheEnd])
    static let negativeAnswers = Terms.words[.negativeAnswers]
    static let positiveAnswers = Terms.words[.positiveAnswers]
    static let fineAnswers = Terms.words[.fineAnswers]
}
