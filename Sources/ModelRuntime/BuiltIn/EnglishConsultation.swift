import Clinical

/// What an English consultation established, read once from the transcript into typed facts that each keep the spans
/// they were read from. The SOAP note (`SOAPWriter`) and the omission check are written from these facts, never from
/// the transcript itself.
struct EnglishConsultation: Sendable {
    /// A medicine by its name, with the line that says it (the dose and how often when said).
    typealias Medicine = (name: String, line: Quote)

    /// Who the patient is, for writing of them in the third person.
    let person: ThirdPerson.Person
    /// Why the patient came, as said.
    let reason: Quote?
    /// Symptoms the patient reports, and those denied.
    let symptoms: [Quote]
    let deniedSymptoms: [Quote]
    /// The doctor introducing the patient (a 50-year-old female with a history of …).
    let introduction: [Quote]
    /// What the patient told of the illness, the past, the family and the way of life.
    let history: [Quote]
    /// Medicines taken now, and whether the patient said them.
    let currentMedications: [Medicine]
    let allergies: [Quote]
    /// Vital signs, examination findings and results, as the doctor said them.
    let examination: [Quote]
    /// Each diagnosis the doctor named, uncertain when said as a possibility.
    let diagnoses: [Finding]
    /// The doctor's assessment as said, for a visit where no diagnosis was named.
    let assessment: [Quote]
    /// Medicines prescribed, changed or stopped.
    let prescribed: [Medicine]
    let testsOrdered: [Quote]
    let referrals: [Quote]
    /// The doctor's assessment and plan as said, then other advice.
    let advice: [Quote]
    let followUp: Quote?
    /// Turns written from the pre-visit conversation: facts resting only on them are patient-reported.
    let reportedTurns: Set<Int>
    /// Who said each turn.
    let patientSideTurns: Set<Int>

    init(_ transcript: [TranscriptTurn]) {
        self.init(reading: EnglishReading(transcript))
    }

    init(reading: EnglishReading) {
        let words = EnglishReading.words
        person = reading.patientPerson()
        reason = reading.reasonForVisit()
        symptoms = reading.reportedSymptoms()
        deniedSymptoms = reading.deniedSymptoms(besides: symptoms)
        introduction = reading.sentences(of: [.doctor], holding: Self.introCues, questions: false, limit: 3)
        history = reading.sentences(
            of: [.patient, .previsit], holding: words[.historyCues] + words[.familyCues] + words[.personalCues] + Self.symptomWords,
            questions: false, limit: 12)
        currentMedications = reading.medicines(taken: true)
        allergies = reading.sentences(of: [.doctor, .patient, .previsit], holding: ["allerg*"], questions: false, limit: 3)
        testsOrdered = reading.testsOrdered()
        let orders = testsOrdered.map(\.span)
        examination = reading.sentences(
            of: [.doctor, .other], holding: words[.examCues], excluding: Self.introCues + words[.assessmentStarts], questions: false, limit: 12
        )
        .filter { !EnglishCues.any(words[.planCues], in: $0.text) || EnglishCues.any(EnglishReading.reportWords, in: $0.text) }
        // A sentence ordering a test ("Get a chest x-ray today") is the plan's.
        .filter { !Self.holds($0, anyOf: orders) }
        diagnoses = reading.diagnoses()
        // "Keep her off nursery until she has had 48 hours of treatment" tells what to do: it is the plan's, whatever it holds.
        assessment =
            diagnoses.isEmpty
            ? reading.sentences(of: [.doctor], holding: words[.assessmentCues], questions: false, limit: 3).filter {
                !Self.opensWithAPlanWord($0.text)
            }
            : []
        prescribed = reading.medicines(taken: false)
        referrals = reading.referrals()
        followUp = reading.followUp()
        // Sentences that hold no item already read: "Come back in two weeks" is the follow-up, not advice.
        let itemSpans = prescribed.map(\.line.span) + orders + referrals.map(\.span) + (followUp.map { [$0.span] } ?? [])
        var said: Set<EvidenceSpan> = []
        let planCued = reading.sentences(of: [.doctor], holding: words[.planCues], excluding: words[.examStarts], questions: false, limit: 20)
        advice = Array(
            (reading.assessmentNarrative(limit: 12) + planCued)
                .flatMap { Self.holds($0, anyOf: itemSpans) ? Self.rest(of: $0, after: itemSpans, in: reading) : [$0] }
                .filter { said.insert($0.span).inserted }
                .prefix(12))
        reportedTurns = reading.reportedTurns
        patientSideTurns = Set(reading.turns.filter(\.isPatientSide).map(\.index))
    }

    /// Whether a sentence opens with a word of the plan ("Keep…", "Use…"): an instruction.
    static func opensWithAPlanWord(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return EnglishReading.words[.planCues].contains { !$0.hasSuffix("*") && lowered.hasPrefix($0 + " ") }
    }

    /// Whether the quoted sentence holds one of `spans`.
    static func holds(_ quote: Quote, anyOf spans: [EvidenceSpan]) -> Bool {
        spans.contains { $0.turn == quote.span.turn && quote.span.start <= $0.start && $0.end <= quote.span.end }
    }

    /// What a sentence holding an item says before and after it, when that is advice of its own ("Keep taking ibuprofen
    /// 400 mg three times a day with food, use heat, and stay active" → "use heat, and stay active").
    static func rest(of quote: Quote, after spans: [EvidenceSpan], in reading: EnglishReading) -> [Quote] {
        let held = spans.filter { $0.turn == quote.span.turn && quote.span.start <= $0.start && $0.end <= quote.span.end }
        guard let first = held.map(\.start).min(), let last = held.map(\.end).max() else { return [] }
        let turn = reading.turns[quote.span.turn]
        // "Cut back on salt, walk daily, and start amlodipine …": what comes before the first item's clause;
        // "… with food, use heat, and stay active": what comes after the last item's.
        var end = first
        while end > quote.span.start, !",;".contains(turn.characters[end - 1]) { end -= 1 }
        var start = last
        while start < quote.span.end, !",;".contains(turn.characters[start]) { start += 1 }
        let parts = [quote.span.start..<max(quote.span.start, end - 1), min(start + 1, quote.span.end)..<quote.span.end].filter { $0.count > 1 }
        let kept = parts.compactMap { part -> Quote? in
            let text = EnglishCues.padded(turn.string(part))
            return EnglishCues.any(EnglishReading.words[.planCues], in: text) ? reading.quote(turn, part, padded: text) : nil
        }
        return kept
    }

    static let introCues = EnglishReading.words[.introCues]
    static let symptomWords = EnglishReading.words.symptoms.flatMap(\.said)
}
