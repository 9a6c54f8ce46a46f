import Clinical

/// The doctor's assessment and plan in an English consultation, as typed facts: diagnoses named (with their
/// certainty), medicines with their dose, tests ordered, referrals and the follow-up.
extension EnglishReading {
    /// Diseases the doctor names as what the patient has ("this is", "you have", "consistent with"), not denied,
    /// each once in the order first named, uncertain when every naming doubted it (likely, I think).
    func diagnoses() -> [Finding] {
        var found: [Finding] = []
        for turn in turns where turn.speaker == .doctor {
            for sentence in sentences(of: turn) where !isQuestion(turn, sentence) {
                let text = turn.string(sentence)
                guard EnglishCues.any(Self.words[.assessmentCues], in: text) else { continue }
                let uncertain = EnglishCues.any(Self.words[.uncertaintyCues], in: text)
                for mention in turn.matches(Self.diseaseIndex, in: sentence) where !isNegated(turn, sentence, mention.range) {
                    if let index = found.firstIndex(where: { $0.name == mention.value }) {
                        if !uncertain { found[index].uncertain = false }
                        continue
                    }
                    var finding = Finding(name: mention.value, present: true, evidence: [turn.span(mention.range)], firstSaid: (turn.index, 0))
                    finding.uncertain = uncertain
                    if let phrase = namingPhrase(turn, sentence, holding: mention.range) {
                        finding.asSaid = turn.quoted(phrase)
                        finding.evidence = [turn.span(phrase)]
                    }
                    found.append(finding)
                }
            }
        }
        return found
    }

    /// "This is an acute exacerbation of COPD, probably infective": the words after an opening that names the
    /// diagnosis, when they hold it and are short enough to be its name (an article dropped).
    private func namingPhrase(_ turn: TurnText, _ sentence: Range<Int>, holding mention: Range<Int>) -> Range<Int>? {
        guard let trimmed = trimmed(turn, sentence) else { return nil }
        let text = turn.string(trimmed)
        guard let opener = Self.words[.assessmentOpeners].first(where: { text.hasPrefix($0 + " ") }) else { return nil }
        var start = trimmed.lowerBound + opener.count + 1
        for article in ["a ", "an ", "the "] where turn.string(start..<trimmed.upperBound).hasPrefix(article) { start += article.count }
        var end = trimmed.upperBound
        while end > start, ".!".contains(turn.characters[end - 1]) { end -= 1 }
        guard start <= mention.lowerBound, mention.upperBound <= end,
            turn.string(start..<end).split(separator: " ").count <= Self.longestNamingPhrase
        else { return nil }
        return start..<end
    }

    private static let longestNamingPhrase = 12

    /// Medicines with what follows them up to the next medicine, comma or sentence end (the dose and how often:
    /// "amoxicillin 500 mg twice a day for ten days"), by their record name; each once. `taken`: those the patient
    /// takes (said by the patient, or by the doctor going over them: "I have that you take …"); otherwise those the
    /// doctor prescribes. A medicine in a sentence about allergies is neither.
    func medicines(taken: Bool) -> [(name: String, line: Quote)] {
        var found: [(name: String, line: Quote)] = []
        for turn in turns where turn.speaker != .other {
            for sentence in sentences(of: turn) where !isQuestion(turn, sentence) {
                let text = EnglishCues.padded(turn.string(sentence))
                guard !EnglishCues.holds("allerg*", in: text) else { continue }
                let reviewed = turn.speaker == .doctor && Self.words[.currentMedicationCues].contains { EnglishCues.holds($0, in: text) }
                guard taken == (turn.isPatientSide || reviewed) else { continue }
                let mentions = turn.matches(Self.medicineIndex, in: sentence)
                for (position, mention) in mentions.enumerated() {
                    // Named bare before ("an ulcer from the ibuprofen"), then with what to do ("Stop the ibuprofen"):
                    // the line that says what to do replaces the bare name.
                    let earlier = found.firstIndex { $0.name == mention.value }
                    if let earlier, found[earlier].line.text != mention.value { continue }
                    if isNegated(turn, sentence, mention.range) { continue }
                    var end = position + 1 < mentions.count ? mentions[position + 1].range.lowerBound : sentence.upperBound
                    // A comma ends the dose unless what follows it is one more part of it ("inhaler, one puff twice a day").
                    var from = mention.range.upperBound
                    while let comma = turn.characters[from..<end].firstIndex(of: ",") {
                        let next = turn.string((comma + 1)..<end).split(separator: " ").first.map(String.init) ?? ""
                        guard next.first?.isNumber == true || Self.numberWords.contains(next) || Self.words[.doseContinuations].contains(next) else {
                            end = comma
                            break
                        }
                        from = comma + 1
                    }
                    var words = turn.string(mention.range.upperBound..<end).split(separator: " ").prefix(Self.doseWords)
                    // "… twice a day and refer you to …": "and" before anything but more of the dose starts another clause.
                    if let and = words.indices.dropLast().first(where: {
                        words[$0] == "and" && !(words[$0 + 1].first?.isNumber == true || Self.numberWords.contains(String(words[$0 + 1])))
                    }) {
                        words = words[..<and]
                    }
                    // "ibuprofen but it barely helps": what follows "but" is about the medicine, not its dose.
                    if let but = words.firstIndex(of: "but") { words = words[..<but] }
                    var rest = words.joined(separator: " ")
                    for ending in [" and", " with", " or"] where rest.hasSuffix(ending) || rest == String(ending.dropFirst()) {
                        rest.removeLast(min(rest.count, ending.count))
                    }
                    let change = taken ? nil : doseChange(before: mention.range.lowerBound, in: turn, sentence)
                    var text = (change.map { $0 + " " } ?? "") + mention.value + (rest.isEmpty ? "" : " " + rest)
                    var span = turn.span(mention.range.lowerBound..<min(end, mention.range.upperBound + rest.count + 1))
                    // "If he's no better in two to three days, start amoxicillin …": prescribed on a condition, kept with it.
                    if !taken, let condition = conditionOpening(turn, sentence, before: mention.range.lowerBound) {
                        let upTo = min(end, mention.range.upperBound + rest.count + 1)
                        text = turn.quoted(condition..<mention.range.lowerBound) + mention.value + (rest.isEmpty ? "" : " " + rest)
                        span = turn.span(condition..<upTo)
                    }
                    if let earlier {
                        if text != mention.value { found[earlier] = (mention.value, Quote(text: text, span: span)) }
                        continue
                    }
                    found.append((mention.value, Quote(text: text, span: span)))
                }
            }
        }
        return found
    }

    /// Where a sentence opening with "if" starts, when the medicine at `offset` comes after the condition's comma.
    private func conditionOpening(_ turn: TurnText, _ sentence: Range<Int>, before offset: Int) -> Int? {
        guard let trimmed = trimmed(turn, sentence), turn.string(trimmed).hasPrefix("if "),
            turn.characters[trimmed.lowerBound..<offset].contains(",")
        else { return nil }
        return trimmed.lowerBound
    }

    /// The change the doctor makes to a medicine when said right before it, past "your" or "the" ("increase
    /// levothyroxine", "restart your inhaler"), lower-cased.
    private func doseChange(before offset: Int, in turn: TurnText, _ sentence: Range<Int>) -> String? {
        var words = turn.string(sentence.lowerBound..<offset).split(separator: " ").suffix(2).map { $0.lowercased() }
        if let last = words.last, ["your", "the", "his", "her", "their"].contains(last) { words.removeLast() }
        guard let verb = words.last, Self.words[.doseChanges].contains(verb) else { return nil }
        return verb
    }

    /// Tests the doctor orders (with an order word, not a result): as the doctor named them.
    func testsOrdered() -> [Quote] {
        var found: [Quote] = []
        for turn in turns where turn.speaker == .doctor {
            for sentence in sentences(of: turn) where !isQuestion(turn, sentence) {
                let text = turn.string(sentence)
                guard EnglishCues.any(Self.words[.orderCues], in: text), !EnglishCues.any(Self.reportWords, in: text) else { continue }
                for mention in turn.matches(Self.testIndex, in: sentence) {
                    // As the doctor named it, in the record's case when it is the record's name (tsh → TSH).
                    let said = turn.string(mention.range)
                    let text = said.lowercased() == mention.value.lowercased() ? mention.value : said
                    if !found.contains(where: { $0.text == text }) { found.append(Quote(text: text, span: turn.span(mention.range))) }
                }
            }
        }
        return found
    }

    /// The doctor's assessment and plan as said: in each turn where the doctor starts it ("my assessment", "for
    /// your first problem"), the sentences from there to the turn's end, without questions and talk to a dictation
    /// assistant; at most `limit`.
    func assessmentNarrative(limit: Int) -> [Quote] {
        var found: [Quote] = []
        for turn in turns where turn.speaker == .doctor {
            var started = false
            for sentence in sentences(of: turn) {
                let text = EnglishCues.padded(turn.string(sentence))
                started = started || Self.words[.assessmentStarts].contains { EnglishCues.holds($0, in: text) }
                guard started, !isQuestion(turn, sentence), let quote = quote(turn, sentence, padded: text) else { continue }
                found.append(quote)
                if found.count == limit { return found }
            }
        }
        return found
    }

    /// When the doctor wants to see the patient again: "follow up in four weeks", "come back in three days".
    func followUp() -> Quote? {
        for turn in turns.reversed() where turn.speaker == .doctor {
            for cue in Self.words[.followUpCues] {
                guard let start = turn.characters.firstIndex(of: cue, in: 0..<turn.characters.count) else { continue }
                // The interval: "in" and up to three words ending with a unit of time.
                guard let inWord = turn.characters.firstIndex(of: " in ", in: start..<min(turn.characters.count, start + cue.count + 30))
                else { continue }
                let words = turn.string((inWord + 4)..<turn.characters.count).split(separator: " ").prefix(3)
                guard let unit = words.firstIndex(where: { word in Self.timeUnits.contains { word.hasPrefix($0) } }) else { continue }
                let interval = words[...unit].joined(separator: " ").trimmingSuffix(".,;!")
                return Quote(text: "Follow up in " + interval + ".", span: turn.span(start..<(inWord + 4 + interval.count)))
            }
        }
        return nil
    }

    /// Referrals: "refer you to physical therapy" → "Refer to physical therapy."
    func referrals() -> [Quote] {
        var found: [Quote] = []
        for turn in turns where turn.speaker == .doctor {
            var from = 0
            while let start = turn.characters.firstIndex(of: "refer", in: from..<turn.characters.count) {
                from = start + 5
                guard let to = turn.characters.firstIndex(of: " to ", in: from..<min(turn.characters.count, from + 12)) else { continue }
                var end = to + 4
                while end < turn.characters.count, !".,;!?".contains(turn.characters[end]) { end += 1 }
                // "to gynaecology about the heavy bleeding"; "to the urologist so that they can…" ends before its purpose.
                let whom = turn.string((to + 4)..<end).split(separator: " ").prefix(8).prefix { !["so", "just", "and", "because"].contains($0) }
                    .joined(separator: " ")
                guard !whom.isEmpty else { continue }
                found.append(Quote(text: "Refer to " + whom + ".", span: turn.span(start..<(to + 4 + whom.count))))
            }
        }
        return found
    }

    static let doseWords = 16
    static let numberWords: Set<String> = ["one", "two", "three", "four", "five", "half", "a"]
    static let timeUnits = ["day", "week", "month", "year"]
    /// Words that make a sentence naming a test a result rather than an order.
    static let reportWords = words[.reportWords]
}
