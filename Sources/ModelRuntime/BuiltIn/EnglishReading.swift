import Clinical

/// What an English consultation says, sentence by sentence: complaint, symptoms and denials, allergies, findings,
/// the doctor's assessment and plan. The words are data (`Clinical/Knowledge/record-words.en.jsonl` and the
/// diseases, tests and medicines of `record-terms.jsonl`).
struct EnglishReading: Sendable {
    let turns: [TurnText]
    /// Each turn's sentences, long unpunctuated speech cut where a new sentence starts.
    private let sentencesByTurn: [[Range<Int>]]

    init(_ transcript: [TranscriptTurn]) {
        turns = transcript.enumerated().map { TurnText(index: $0.offset, turn: $0.element) }
        sentencesByTurn = turns.map { turn in
            turn.clauses(breakingAtCommas: false).flatMap { SpokenEnglish.sentences(in: turn.characters, $0, breaks: Self.breaks) }
        }
    }

    /// The sentences of `turn`.
    func sentences(of turn: TurnText) -> [Range<Int>] { sentencesByTurn[turn.index] }

    var reportedTurns: Set<Int> { Set(turns.filter { $0.speaker == .previsit }.map(\.index)) }

    /// Sentences of the given speakers that hold one of `cues` (as words), quoted without leading fillers; questions
    /// are left out when `questions` is false.
    func sentences(
        of speakers: Set<Speaker>, holding cues: [String], excluding: [String] = [], questions: Bool = true, limit: Int
    ) -> [Quote] {
        var found: [Quote] = []
        var seen: Set<String> = []
        for turn in turns where speakers.contains(turn.speaker) {
            for sentence in sentences(of: turn) where questions || !isQuestion(turn, sentence) {
                let text = EnglishCues.padded(turn.string(sentence))
                guard cues.contains(where: { EnglishCues.holds($0, in: text) }), !excluding.contains(where: { EnglishCues.holds($0, in: text) }),
                    let quote = quote(turn, sentence, padded: text)
                else { continue }
                if seen.insert(quote.text).inserted { found.append(quote) }
                if found.count == limit { return found }
            }
        }
        return found
    }

    /// The sentence as a record quotes it — without leading fillers, tidied — unless it is talk to a dictation
    /// assistant or too short to say anything; `padded` is its `EnglishCues.padded` text.
    func quote(_ turn: TurnText, _ sentence: Range<Int>, padded: String) -> Quote? {
        guard !Self.words[.assistantCommands].contains(where: { EnglishCues.holds($0, in: padded) }),
            let trimmed = trimmed(turn, sentence), trimmed.count >= 12
        else { return nil }
        let tidy = SpokenEnglish.tidy(turn.string(trimmed), disfluencies: Self.disfluencies)
        return Quote(text: SpokenEnglish.restoringCase(of: tidy, from: turn.quoted(trimmed)), span: turn.span(trimmed))
    }

    /// "presents for …", "here today for …": the reason for the visit as the doctor put it, up to the sentence's
    /// next break and at most eight words, without the article or possessive before it; none when it is only a
    /// pronoun ("here for me").
    func reasonForVisit() -> Quote? {
        for turn in turns where turn.speaker == .doctor {
            for sentence in sentences(of: turn) where !isQuestion(turn, sentence) {
                for marker in Self.words[.reasonCues] {
                    guard let start = turn.characters.firstIndex(of: marker + " ", in: sentence) else { continue }
                    var lower = start + marker.count + 1, upper = lower, words = 0
                    while upper < sentence.upperBound, !".?!,".contains(turn.characters[upper]) {
                        if turn.characters[upper] == " " {
                            words += 1
                            if words == 8 { break }
                        }
                        upper += 1
                    }
                    let said = turn.string(lower..<upper).split(separator: " ")
                    if let first = said.first, Self.determiners.contains(String(first)) { lower += first.count + 1 }
                    if let last = said.last, last == "today", upper - 6 > lower { upper -= 6 }
                    guard lower < upper, let trimmed = trimmed(turn, lower..<upper),
                        !Self.pronouns.contains(turn.string(trimmed).split(separator: " ").first.map(String.init) ?? "")
                    else { continue }
                    return Quote(text: turn.string(trimmed), span: turn.span(trimmed))
                }
            }
        }
        return nil
    }

    /// How the record names the patient: "she" when the doctor's words for a woman (female, mrs, she) outnumber
    /// those for a man at least two to one and are said at least twice, "he" the other way round, else "the patient".
    func patientPerson() -> ThirdPerson.Person {
        var female = 0, male = 0
        for turn in turns where turn.speaker == .doctor {
            let words = EnglishCues.padded(String(turn.characters)).split(separator: " ")
            female += words.filter { Self.femaleWords.contains(String($0)) }.count
            male += words.filter { Self.maleWords.contains(String($0)) }.count
        }
        if female >= 2, female >= 2 * male { return .female }
        if male >= 2, male >= 2 * female { return .male }
        return .unknown
    }

    /// Symptoms denied: asked by the doctor and answered no ("Any fever?" "No."), or said with a negation ("no
    /// numbness", "I don't have a fever"), leaving out those `reported` (`reportedSymptoms()`) as present.
    func deniedSymptoms(besides reported: [Quote]) -> [Quote] {
        var found: [Quote] = []
        for (position, turn) in turns.enumerated() {
            if turn.isPatientSide {
                for sentence in turn.clauses() {
                    for mention in turn.matches(Self.symptomIndex, in: sentence) where isNegated(turn, sentence, mention.range) {
                        found.append(Quote(text: mention.value, span: turn.span(mention.range)))
                    }
                }
                continue
            }
            guard turn.speaker == .doctor,
                let answer = turns[(position + 1)..<min(position + 2, turns.count)].first(where: { $0.speaker == .patient }),
                let clause = answer.clauses().first
            else { continue }
            let reply = answer.string(clause)
            guard Self.noAnswers.contains(where: { reply == $0 || reply.hasPrefix($0 + " ") || reply.hasPrefix($0 + ",") }) else { continue }
            // "No fever and no back pain." answers for what it names; "No." for all that was asked.
            let named = answer.matches(Self.symptomIndex, in: 0..<answer.characters.count).map(\.value)
            for sentence in sentences(of: turn) where isQuestion(turn, sentence) {
                for mention in turn.matches(Self.symptomIndex, in: sentence) where named.isEmpty || named.contains(mention.value) {
                    found.append(Quote(text: mention.value, span: turn.span(mention.range)))
                }
            }
        }
        // What is reported of a site ("right foot pain") is not denied bare ("pain").
        var seen = Set(reported.map(\.text))
        return found.filter { denied in !reported.contains { $0.text.hasSuffix(" " + denied.text) } && seen.insert(denied.text).inserted }
    }

    /// Symptoms the patient says they have (not denied), each once, in the order said; one said of a body site is
    /// written with it and its side ("my right knee hurts" → right knee pain), and a bare one gives way to the
    /// same symptom said of a site.
    func reportedSymptoms() -> [Quote] {
        var found: [Quote] = []
        var seen: Set<String> = []
        for turn in turns where turn.isPatientSide {
            // The last site the clause before named ("I twisted my ankle.", "pain in my big toe."), for a clause that
            // speaks of it ("It's swollen").
            var siteLeftAlone: String?
            let clauses = turn.clauses()
            for (index, sentence) in clauses.enumerated() where !isQuestion(turn, sentence) {
                let sites = turn.matches(Self.siteIndex, in: sentence)
                // "a red, itchy eye": a symptom word ending its clause before a comma describes the site the next opens with.
                let next = index + 1 < clauses.count ? clauses[index + 1] : nil
                let nextSite = next.flatMap { next in
                    turn.matches(Self.siteIndex, in: next).first.flatMap { site in
                        turn.characters[next.lowerBound..<site.range.lowerBound].filter { $0 == " " }.count <= 3
                            ? side(before: site.range.lowerBound, in: turn) + site.value : nil
                    }
                }
                let symptoms = turn.matches(Self.symptomIndex, in: sentence)
                let first = turn.string(sentence).split(separator: " ").first.map { $0.lowercased() } ?? ""
                let itsSite = sites.isEmpty && ["it", "it's", "its"].contains(first) ? siteLeftAlone : nil
                // "hay fever", "scarlet fever": a symptom's word inside a disease's name is the disease.
                let diseases = Coverage(turn.matches(Self.diseaseIndex, in: sentence).map(\.range), in: sentence)
                for mention in symptoms where !diseases.isInsideALongerWord(mention.range) {
                    if isNegated(turn, sentence, mention.range) { continue }
                    let name =
                        Self.sitedSymptoms.contains(mention.value)
                        ? sited(mention, sites, in: turn) ?? itsSite.map { $0 + " " + mention.value }
                            ?? (mention.range.upperBound == sentence.upperBound ? nextSite.map { $0 + " " + mention.value } : nil) ?? mention.value
                        : side(before: mention.range.lowerBound, in: turn) + mention.value
                    guard seen.insert(name).inserted else { continue }
                    found.append(Quote(text: name, span: turn.span(mention.range)))
                }
                siteLeftAlone = sites.last.map { side(before: $0.range.lowerBound, in: turn) + $0.value }
            }
        }
        // "Any cough?" "Yes." — one symptom question answered yes: the patient has what was asked.
        for (position, turn) in turns.enumerated() where turn.speaker == .doctor {
            let questions = sentences(of: turn).filter { isQuestion(turn, $0) }
            guard questions.count == 1, let question = questions.first,
                let answer = turns[(position + 1)..<min(position + 2, turns.count)].first(where: { $0.speaker == .patient }),
                let clause = answer.clauses().first, Self.yesAnswers.contains(where: { (answer.string(clause) + " ").hasPrefix($0 + " ") })
            else { continue }
            let mentions = turn.matches(Self.symptomIndex, in: question).filter { !isNegated(turn, question, $0.range) }
            for mention in mentions where mentions.count == 1 && seen.insert(mention.value).inserted {
                found.append(Quote(text: mention.value, span: turn.span(mention.range)))
            }
        }
        return found.filter { quote in !found.contains { $0.text != quote.text && $0.text.hasSuffix(" " + quote.text) } }
    }

    /// The symptom with the body site said nearest to it in the clause (up to four words away), and its side.
    private func sited(_ mention: (range: Range<Int>, value: String), _ sites: [(range: Range<Int>, value: String)], in turn: TurnText)
        -> String?
    {
        func words(_ range: Range<Int>) -> Int { turn.characters[range].filter { $0 == " " }.count }
        let near = sites.filter { site in
            site.range.upperBound <= mention.range.lowerBound
                ? words(site.range.upperBound..<mention.range.lowerBound) <= 4 : words(mention.range.upperBound..<site.range.lowerBound) <= 4
        }
        guard let site = near.min(by: { abs($0.range.lowerBound - mention.range.lowerBound) < abs($1.range.lowerBound - mention.range.lowerBound) })
        else { return nil }
        return side(before: site.range.lowerBound, in: turn) + site.value + " " + mention.value
    }

    /// "right " or "left " when said just before `offset`.
    private func side(before offset: Int, in turn: TurnText) -> String {
        let before = turn.string(max(0, offset - 6)..<offset)
        return before.hasSuffix("right ") ? "right " : before.hasSuffix("left ") ? "left " : ""
    }

    /// Whether a negation cue is among the five words before `range` in `clause` ("don't see any evidence of a
    /// fracture"), after the last word that turns the sentence ("no pain but a fracture" has a fracture).
    func isNegated(_ turn: TurnText, _ clause: Range<Int>, _ range: Range<Int>) -> Bool {
        var before = turn.string(clause.lowerBound..<range.lowerBound).split(separator: " ").suffix(5)
        if let turning = before.lastIndex(where: { Self.turningWords.contains(String($0)) }) { before = before[(turning + 1)...] }
        return EnglishCues.any(Self.words[.negationCues], in: before.joined(separator: " "))
    }

    /// Whether the sentence is asked: it ends with a question mark, or starts as a question does ("do you", "any")
    /// once the fillers before it are left out — speech is often transcribed without question marks.
    func isQuestion(_ turn: TurnText, _ sentence: Range<Int>) -> Bool {
        if turn.characters[sentence.upperBound...].first(where: { !$0.isWhitespace }) == "?" { return true }
        guard let trimmed = trimmed(turn, sentence) else { return false }
        let opening = turn.string(trimmed.lowerBound..<min(trimmed.upperBound, trimmed.lowerBound + 16)) + " "
        return Self.words[.questionStarts].contains { opening.hasPrefix($0 + " ") }
    }

    func trimmed(_ turn: TurnText, _ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound, upper = range.upperBound
        var changed = true
        while changed {
            changed = false
            while lower < upper, turn.characters[lower].isWhitespace || turn.characters[lower].isPunctuation || turn.characters[lower] == "-" {
                lower += 1
                changed = true
            }
            for filler in Self.words[.fillers] {
                let end = lower + filler.count
                if end <= upper, turn.string(lower..<end) == filler, end == upper || !turn.characters[end].isLetter {
                    lower = end
                    changed = true
                }
            }
        }
        while upper > lower, turn.characters[upper - 1].isWhitespace || turn.characters[upper - 1] == "-" || turn.characters[upper - 1] == "," {
            upper -= 1
        }
        return upper > lower ? lower..<upper : nil
    }

    static let words = RecordWords.english
    static let breaks = words[.spokenBreaks].map(Array.init)
    /// How a patient's answer says yes: it must start with one of these.
    static let yesAnswers = words[.yesAnswers]
    static let noAnswers = words[.noAnswers]
    /// Words after which a negation said before no longer reaches ("not controlled, and there's neuropathy").
    static let turningWords = Set(words[.negationEnds])
    static let determiners: Set<String> = ["a", "an", "the", "your", "her", "his", "their", "some"]
    static let pronouns: Set<String> = ["me", "you", "us", "him", "her", "them", "it", "that", "this"]
    static let femaleWords = Set(words[.femaleCues])
    static let maleWords = Set(words[.maleCues])
    static let disfluencies = words[.disfluencies].map { $0.split(separator: " ").map(String.init) }
    static let siteIndex = TermIndex(words.sites.flatMap { site in site.said.map { ($0, site.name) } })
    static let sitedSymptoms = Set(words[.sitedSymptoms])
    static let symptomIndex = TermIndex(words.symptoms.flatMap { symptom in symptom.said.map { ($0, symptom.name) } })
    static let diseaseIndex = TermIndex(RecordTerms.shipped.sayings(.disease, language: "en").map { ($0.said, $0.name) })
    static let medicineIndex = TermIndex(RecordTerms.shipped.sayings(.medicine, language: "en").map { ($0.said, $0.name) })
    /// Tests, and what they measure: "recheck TSH" orders the test of it.
    static let testIndex = TermIndex(
        (RecordTerms.shipped.sayings(.test, language: "en") + RecordTerms.shipped.sayings(.analyte, language: "en")).map { ($0.said, $0.name) })
}
