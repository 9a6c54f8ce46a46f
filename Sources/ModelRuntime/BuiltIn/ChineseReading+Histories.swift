import Foundation
import Clinical

/// The histories of a Chinese consultation: past and long-standing illnesses with their medicines, allergies,
/// family and personal history (habits asked about and answered).
extension ChineseReading {
    /// Past illnesses named by the patient (之前得过肺炎 → 肺炎), long-standing diseases (有高血压) with the medicines
    /// taken for them (一直吃氨氯地平 → 长期使用氨氯地平), or a healthy past, or a denied question about it.
    func pastHistory() -> [Quote] {
        var found: [Quote] = []
        for turn in turns where turn.isPatientSide {
            // "我妈妈有糖尿病" is the family's history.
            for clause in turn.clauses() where !isQuestion(turn, clause) && !Terms.familyCues.contains(where: turn.string(clause).contains) {
                for quote in standingHistory(turn, clause) where !found.contains(where: { $0.text == quote.text }) {
                    found.removeAll { $0.text == "既往体健" }
                    found.append(quote)
                }
            }
            for clause in turn.clauses() {
                let text = turn.string(clause)
                if let healthy = Terms.healthyPast.first(where: text.contains), found.isEmpty,
                    let index = turn.characters.firstIndex(of: healthy, in: clause)
                {
                    found.append(Quote(text: "既往体健", span: turn.span(index..<(index + healthy.count))))
                    continue
                }
                guard Terms.pastCues.contains(where: text.includes), !Terms.familyCues.contains(where: text.includes) else { continue }
                for mention in turn.matches(Self.diagnosisIndex, in: clause) where !Self.symptomLike.contains(mention.value) {
                    let range = mention.range
                    guard !isNegated(turn, clause: clause, term: range), !found.contains(where: { $0.text == mention.value }) else { continue }
                    found.removeAll { $0.text == "既往体健" }
                    found.append(Quote(text: mention.value, span: turn.span(range)))
                }
            }
        }
        for quote in answeredStandingDiseases() where !found.contains(where: { $0.text == quote.text }) {
            if !quote.text.hasPrefix(Self.denialPrefix) { found.removeAll { $0.text == "既往体健" } }
            found.append(quote)
        }
        if found.isEmpty, let denial = deniedAnswer(toQuestionWith: ["以前", "之前", "既往", "平时"], and: ["病", "身体"]) {
            found.append(Quote(text: "既往体健", span: denial))
        }
        return found
    }

    static let denialPrefix = "否认"
    /// How the history writes a medicine taken for a long-standing disease.
    static let longTermUse = "长期使用"

    /// A long-standing disease the doctor asks about and the patient confirms, with a yes or with how long
    /// ("糖尿病几年了？" "八年了。"): the history, though the patient never names it; denied ("有糖尿病吗？" "没有。"):
    /// 否认糖尿病.
    private func answeredStandingDiseases() -> [Quote] {
        var found: [Quote] = []
        for (position, turn) in turns.enumerated() where turn.speaker == .doctor {
            guard let answer = patientAnswer(after: position), let first = answer.clauses().first else { continue }
            let reply = answer.string(first)
            // "家里人有哮喘吗？" asks of the family: the answer is their history, not the patient's.
            let questions = turn.clauses().filter { isQuestion(turn, $0) && !Terms.familyCues.contains(where: turn.string($0).includes) }
            if Self.negativeAnswers.contains(where: reply.hasPrefix) {
                // A bare no answers the one question asked, and only then.
                guard questions.count == 1, let asked = questions.first else { continue }
                for mention in turn.matches(Self.diagnosisIndex, in: asked) where Terms.chronicDiseases.contains(mention.value) {
                    found.append(Quote(text: Self.denialPrefix + mention.value, span: answer.span(first)))
                }
                continue
            }
            let saysYes = Self.positiveAnswers.contains(where: reply.hasPrefix)
            let saysHowLong = !ChineseQuantities.durations(in: answer.characters, range: first).isEmpty
            // "没有糖尿病" later in the answer denies it whatever the first clause answered.
            let denied = answer.clauses().flatMap { clause in
                answer.matches(Self.diagnosisIndex, in: clause).filter { isNegated(answer, clause: clause, term: $0.range) }
            }
            for clause in questions {
                for mention in turn.matches(Self.diagnosisIndex, in: clause) where Terms.chronicDiseases.contains(mention.value) {
                    guard !isNegated(turn, clause: clause, term: mention.range) else { continue }
                    if let denial = denied.first(where: { $0.value == mention.value }) {
                        found.append(Quote(text: Self.denialPrefix + mention.value, span: answer.span(denial.range)))
                        continue
                    }
                    // "五天了" answers "几天了？", not "有糖尿病吗？": a duration confirms the disease it is asked of.
                    guard saysYes || (saysHowLong && Terms.durationQuestions.contains(where: turn.string(clause).contains)) else { continue }
                    found.append(Quote(text: mention.value, span: turn.span(mention.range)))
                }
            }
        }
        return found
    }

    /// A long-standing disease the patient names (not denied) and the medicines said to be taken for a long time.
    private func standingHistory(_ turn: TurnText, _ clause: Range<Int>) -> [Quote] {
        var found: [Quote] = []
        for mention in turn.matches(Self.diagnosisIndex, in: clause) where Terms.chronicDiseases.contains(mention.value) {
            let before = turn.string(max(clause.lowerBound, mention.range.lowerBound - 3)..<mention.range.lowerBound)
            guard !isNegated(turn, clause: clause, term: mention.range), !Terms.mildCues.contains(where: before.hasSuffix) else { continue }
            found.append(Quote(text: mention.value, span: turn.span(mention.range)))
        }
        // A medicine taken (吃, 打, 用) in a sentence naming a long-standing disease is taken for it: "糖尿病十年了，打胰岛素".
        let sentence = turn.sentence(around: clause.lowerBound)
        let withADisease = turn.matches(Self.diagnosisIndex, in: sentence).contains { Terms.chronicDiseases.contains($0.value) }
        for mention in medicineMentions(in: turn, clause) where !Self.procedures.contains(mention.value) {
            let before = turn.string(clause.lowerBound..<mention.range.lowerBound)
            let taken = withADisease && Self.takingVerbs.contains(where: before.suffix(3).contains)
            guard taken || Terms.ongoingUses.contains(where: before.includes), !isNegated(turn, clause: clause, term: mention.range) else { continue }
            found.append(Quote(text: Self.longTermUse + mention.value, span: turn.span(mention.range)))
        }
        return found
    }

    /// A clause going on from an allergy in the same sentence tells its reaction ("青霉素过敏，打针起过疹子"): the
    /// allergy's, not this illness's. An allergy happening now (过敏了) or an allergic disease (过敏性鼻炎) is the illness.
    func isAllergyReaction(_ turn: TurnText, _ clause: Range<Int>) -> Bool {
        guard let previous = turn.clause(before: clause.lowerBound) else { return false }
        let allergy = turn.string(previous)
        return allergy.contains("过敏") && !allergy.contains("过敏了") && !allergy.contains("过敏性") && !turn.string(clause).contains("过敏")
            && !Terms.negationCues.contains(where: allergy.includes)
    }

    /// A relative said to have it too (他姐姐晚年也糊涂了, 我爸也有): the family's, not the patient's.
    func isARelativesToo(_ turn: TurnText, _ clause: Range<Int>) -> Bool {
        let text = turn.string(clause)
        return Terms.familyCues.contains { cue in text.range(of: cue).map { text[$0.upperBound...].contains("也") } ?? false }
    }

    /// Allergies, or their denial.
    func allergies() -> [Quote] {
        var found = quotes(patientSide: true) { turn, clause, text in
            (text.contains("过敏") && !text.contains("鼻炎")) || isAllergyReaction(turn, clause)
        }.map { quote in
            // "没有过敏", "青霉素不过敏": a denial is written the record's way, 否认过敏史 / 否认青霉素过敏.
            let text = quote.text
            guard let allergy = text.range(of: "过敏"),
                Terms.negationCues.contains(where: { cue in text.range(of: cue).map { $0.upperBound <= allergy.lowerBound } ?? false })
            else { return quote }
            let allergen = Self.medicineIndex.matches(in: Array(Folded.text(text))).first?.value
            return Quote(text: Self.denialPrefix + (allergen.map { $0 + "过敏" } ?? "过敏史"), span: quote.span)
        }
        if found.isEmpty, let denial = deniedAnswer(toQuestionWith: ["过敏"], and: ["过敏"]) {
            found.append(Quote(text: "否认过敏史", span: denial))
        }
        return found
    }

    /// Illness in the family: a relative said with a disease (他爸爸有过敏性鼻炎), family words (家族, 遗传), or a question
    /// about the family denied (否认家族史).
    func familyHistory() -> [Quote] {
        var found = quotes(patientSide: true) { turn, clause, text in
            ["家里人", "家族", "遗传"].contains(where: text.includes) || isARelativesToo(turn, clause)
                || (Terms.familyCues.contains(where: text.includes) && !turn.matches(Self.diagnosisIndex, in: clause).isEmpty)
        }
        if found.isEmpty, let denial = deniedAnswer(toQuestionWith: ["家里", "家族", "家人"], and: ["有人", "病", "遗传"]) {
            found.append(Quote(text: "否认家族史", span: denial))
        }
        // The relative by the record's word: 我妈有甲亢 → 母亲有甲亢.
        return found.map { quote in
            let said = Terms.words.relatives.flatMap { relative in relative.said.filter(quote.text.contains).map { ($0, relative.name) } }
            guard let (word, name) = said.max(by: { $0.0.count < $1.0.count }), let range = quote.text.range(of: word) else { return quote }
            return Quote(text: quote.text.replacingCharacters(in: range, with: name), span: quote.span)
        }
    }

    /// Birth, feeding, vaccines and habits; a habit the doctor asks about (抽烟吗？) with the patient's answer:
    /// 否认吸烟, or 吸烟 with what the patient said of it.
    func personalHistory() -> [Quote] {
        // "不抽烟" said unasked is 否认吸烟, as an answer would be.
        var found = quotes(patientSide: true) { _, _, text in Terms.personalCues.contains(where: text.includes) }.map { quote in
            guard Self.isDeniedAfterItsName(quote.text), let habit = Terms.habits.first(where: { $0.last.map(quote.text.contains) == true })
            else { return quote }
            return Quote(text: Self.denialPrefix + habit, span: quote.span)
        }
        for (position, turn) in turns.enumerated() where turn.speaker == .doctor {
            let questions = turn.clauses().filter { isQuestion(turn, $0) }
            for clause in questions {
                let asked = turn.string(clause)
                if Terms.occupationQuestions.contains(where: asked.includes), let answer = patientAnswer(after: position),
                    let occupation = occupationAnswer(in: answer), !found.contains(where: { $0.text.hasPrefix(Self.occupationLabel) })
                {
                    found.append(occupation)
                }
                // 抽烟 and 吸烟 ask of one habit, 喝酒 and 饮酒 of another: the record's word's last character names it;
                // "抽烟喝酒吗" asks of both.
                for habit in Terms.habits {
                    guard let object = habit.last, asked.contains(object), !found.contains(where: { $0.text.contains(object) }),
                        let answer = patientAnswer(after: position),
                        let quote = habitAnswer(habit, asked: asked, in: answer, onlyQuestion: questions.count == 1)
                    else { continue }
                    found.append(quote)
                }
            }
        }
        return found
    }

    /// The work the patient names opening the answer to "做什么工作的？" (会计，天天对着电脑 → 职业：会计): a short first
    /// clause naming no symptom.
    private func occupationAnswer(in answer: TurnText) -> Quote? {
        guard let first = answer.clauses().first, let trimmed = trimmed(answer, first), trimmed.count <= Self.longestOccupation,
            symptomMentions(in: answer, first).isEmpty, !Self.negativeAnswers.contains(where: answer.string(trimmed).hasPrefix)
        else { return nil }
        return Quote(text: Self.occupationLabel + answer.quoted(trimmed), span: answer.span(trimmed))
    }

    private static let occupationLabel = "职业："
    private static let longestOccupation = 8

    /// The answer about one habit: 否认吸烟 for a no, else the habit with the patient's words (饮酒（喝点酒，一周两三次）),
    /// up to a clause about another habit.
    private func habitAnswer(_ habit: String, asked: String, in answer: TurnText, onlyQuestion: Bool) -> Quote? {
        guard let object = habit.last else { return nil }
        // The clause that answers it: the one naming the habit or its verb as asked (抽烟吗 → 抽了二十年), or the first
        // when it was the only question ("有没有头晕？抽烟吗？" "都没有。抽了二十年" denies the dizziness).
        let said = asked.firstIndex(of: object).flatMap { $0 > asked.startIndex ? asked[asked.index(before: $0)] : nil }
        let clauses = answer.clauses()
        let naming = clauses.firstIndex { clause in
            let text = answer.string(clause)
            return text.contains(object) || said.map(text.contains) == true
        }
        guard let firstIndex = naming ?? (onlyQuestion ? clauses.indices.first : nil) else { return nil }
        let first = clauses[firstIndex]
        let reply = answer.string(first)
        // "酒不喝", "烟也从来不抽": the habit named, then denied; "不抽烟", "从来不喝": denied before its name too.
        let afterObject = reply.split(separator: object, maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first
        if Self.negativeAnswers.contains(where: reply.hasPrefix) || Self.isDeniedAfterItsName(reply)
            || afterObject.map({ Self.isDeniedAfterItsName(String($0)) }) == true
        {
            return Quote(text: Self.denialPrefix + habit, span: answer.span(first))
        }
        let others = Terms.habits.compactMap(\.last).filter { $0 != object }
        let sentence = answer.sentence(around: first.lowerBound)
        let upTo =
            clauses[firstIndex...].first { clause in
                clause.lowerBound > first.lowerBound
                    && (clause.lowerBound >= sentence.upperBound || others.contains { answer.string(clause).contains($0) })
            }?.lowerBound ?? sentence.upperBound
        guard let words = trimmed(answer, first.lowerBound..<min(upTo, sentence.upperBound)) else { return nil }
        // Folding made the answer's commas ASCII; the record writes them as Chinese does.
        let text = answer.string(words).trimmingCharacters(in: CharacterSet(charactersIn: "，,、；; ")).replacingOccurrences(of: ",", with: "，")
        return Quote(text: habit + "（" + text + "）", span: answer.span(words))
    }

    /// The span of a patient's bare "no" to a doctor's question holding one word of each list.
    private func deniedAnswer(toQuestionWith first: [String], and second: [String]) -> EvidenceSpan? {
        for (position, turn) in turns.enumerated() where turn.speaker == .doctor {
            let text = String(turn.characters)
            guard first.contains(where: text.includes), second.contains(where: text.includes),
                let answer = patientAnswer(after: position),
                let clause = answer.clauses().first,
                Self.negativeAnswers.contains(where: answer.string(clause).hasPrefix)
            else { continue }
            return answer.span(clause)
        }
        return nil
    }
}
