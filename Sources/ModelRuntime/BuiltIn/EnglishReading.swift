/// What an English consultation says, sentence by sentence: complaint, symptoms and denials, allergies, findings,
/// the doctor's assessment and plan.
struct EnglishReading: Sendable {
    let turns: [TurnText]

    init(_ transcript: [TranscriptTurn]) {
        turns = transcript.enumerated().map { TurnText(index: $0.offset, turn: $0.element) }
    }

    var reportedTurns: Set<Int> { Set(turns.filter { $0.speaker == .previsit }.map(\.index)) }

    /// Sentences of the given speakers that hold one of `cues` (as words), quoted without leading fillers.
    func sentences(of speakers: Set<Speaker>, holding cues: [String], excluding: [String] = [], limit: Int) -> [Quote] {
        var found: [Quote] = []
        var seen: Set<String> = []
        for turn in turns where speakers.contains(turn.speaker) {
            for sentence in turn.clauses(breakingAtCommas: false) {
                let text = " " + turn.string(sentence) + " "
                guard cues.contains(where: { text.contains($0) }), !excluding.contains(where: { text.contains($0) }),
                    let trimmed = trimmed(turn, sentence), trimmed.count >= 12
                else { continue }
                let quote = turn.string(trimmed)
                if seen.insert(quote).inserted { found.append(Quote(text: quote, span: turn.span(trimmed))) }
                if found.count == limit { return found }
            }
        }
        return found
    }

    /// "presents for …", "here today for …": the reason for the visit as the doctor put it.
    func reasonForVisit() -> Quote? {
        for turn in turns where turn.speaker == .doctor {
            for marker in ["presents today for ", "presents for ", "presents with ", "here today for ", "here for ", "in today for "] {
                guard let start = turn.characters.firstIndex(of: marker, in: 0..<turn.characters.count) else { continue }
                let lower = start + marker.count
                var upper = lower
                while upper < turn.characters.count, !".?!,".contains(turn.characters[upper]) { upper += 1 }
                if let trimmed = trimmed(turn, lower..<upper) { return Quote(text: turn.string(trimmed), span: turn.span(trimmed)) }
            }
        }
        return nil
    }

    /// Symptoms a doctor asked about ("any chest pain?") that the patient answered no to.
    func deniedSymptoms() -> [Quote] {
        var found: [Quote] = []
        for (position, turn) in turns.enumerated() where turn.speaker == .doctor {
            guard let answer = turns[(position + 1)..<min(position + 2, turns.count)].first(where: { $0.speaker == .patient }),
                let clause = answer.clauses().first
            else { continue }
            let reply = answer.string(clause)
            guard reply == "no" || reply.hasPrefix("no ") || reply.hasPrefix("nope") || reply.hasPrefix("not really") else { continue }
            for sentence in turn.clauses(breakingAtCommas: false)
            where turn.characters[sentence.upperBound...].first(where: { !$0.isWhitespace }) == "?" {
                for mention in turn.matches(Self.symptomIndex, in: sentence) {
                    let range = mention.range
                    found.append(Quote(text: mention.value, span: turn.span(range)))
                }
            }
        }
        var seen: Set<String> = []
        return found.filter { seen.insert($0.text).inserted }
    }

    /// Symptoms the patient says they have (not after "no", "not", "don't", "denies").
    func reportedSymptoms() -> [Quote] {
        var found: [Quote] = []
        var seen: Set<String> = []
        for turn in turns where turn.isPatientSide {
            for sentence in turn.clauses() {
                for mention in turn.matches(Self.symptomIndex, in: sentence) where !seen.contains(mention.value) {
                    let range = mention.range
                    let before = " " + turn.string(sentence.lowerBound..<range.lowerBound)
                    if [" no ", " not ", "n't ", " denies ", " never ", " without "].contains(where: before.contains) { continue }
                    seen.insert(mention.value)
                    found.append(Quote(text: mention.value, span: turn.span(range)))
                }
            }
        }
        return found
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
            for filler in Self.fillers {
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

    static let fillers = [
        "okay", "ok", "um", "uh", "so", "alright", "all right", "yeah", "well", "and", "mm-hmm", "hmm", "right", "now", "great", "good",
    ]
    static let symptoms = [
        "chest pain", "shortness of breath", "short of breath", "headache", "headaches", "fever", "fevers", "chills", "cough", "nausea", "vomiting",
        "diarrhea", "constipation", "fatigue", "tired", "dizziness", "dizzy", "swelling", "rash", "numbness", "tingling", "weakness", "bleeding",
        "weight loss", "weight gain", "anxiety", "depression", "insomnia", "palpitations", "sore throat", "runny nose", "congestion", "back pain",
        "knee pain", "joint pain", "abdominal pain", "stomach pain", "blood in your stool", "burning", "pain", "wheezing", "heartburn", "reflux",
        "night sweats", "itching", "stiffness", "urinary", "blurry vision", "lightheaded", "bloating", "cramping",
    ]
    static let symptomIndex = TermIndex(symptoms.map { ($0, $0) })
}
