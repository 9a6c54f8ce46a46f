import Clinical

/// Writes the SOAP sections from what an English consultation says, in a clinician's style: the patient in the third
/// person, symptoms reported and denied, medicines with their dose, exam and results as found, each diagnosis named,
/// then the plan item by item. Every statement points at what it was read from.
struct SOAPWriter {
    let reading: EnglishReading

    func sections() -> [String: [DraftStatement]] {
        let reported = reading.reportedTurns
        let person = ThirdPerson(reading.patientPerson())
        func statement(_ text: String, _ evidence: [EvidenceSpan], flags: [StatementFlag] = []) -> DraftStatement {
            var all = flags
            if !evidence.isEmpty, evidence.allSatisfy({ reported.contains($0.turn) }) { all.append(.patientReported) }
            return DraftStatement(text: Self.sentence(text), evidence: evidence, flags: all)
        }
        let symptoms = reading.reportedSymptoms()
        var result: [String: [DraftStatement]] = [:]
        if let reason = reading.reasonForVisit() {
            result["chiefComplaint"] = [statement(reason.text, [reason.span])]
        } else if !symptoms.isEmpty {
            let main = Array(symptoms.prefix(2))
            result["chiefComplaint"] = [statement(main.map(\.text).joined(separator: ", "), main.map(\.span))]
        }

        var subjective: [DraftStatement] = []
        if !symptoms.isEmpty {
            subjective.append(statement("The patient reports " + Self.listed(symptoms.map(\.text)), symptoms.map(\.span)))
        }
        let doctorHistory = reading.sentences(of: [.doctor], holding: Self.introCues, questions: false, limit: 3)
        subjective += doctorHistory.map { statement(person.doctor($0.text), [$0.span]) }
        let told = reading.sentences(
            of: [.patient, .previsit], holding: Self.words[.historyCues] + Self.words[.familyCues] + Self.words[.personalCues] + Self.symptomWords,
            questions: false, limit: 12)
        subjective += told.map { statement(person.patient($0.text), [$0.span]) }
        let denied = reading.deniedSymptoms(besides: symptoms)
        if !denied.isEmpty { subjective.append(statement("Denies " + Self.listed(denied.map(\.text)), denied.map(\.span))) }
        let taking = reading.medicines(taken: true).map(\.line)
        if !taking.isEmpty {
            let lines = taking.map { person.phrase($0.text, saidByPatient: reading.turns[$0.span.turn].isPatientSide) }
            subjective.append(statement("Current medications: " + Self.listed(lines), taking.map(\.span)))
        }
        result["subjective"] = subjective

        result["allergies"] = reading.sentences(of: [.doctor, .patient, .previsit], holding: ["allerg*"], questions: false, limit: 3).map {
            statement(reading.turns[$0.span.turn].isPatientSide ? person.patient($0.text) : person.doctor($0.text), [$0.span])
        }
        let ordered = reading.testsOrdered().map(\.span)
        result["objective"] = reading.sentences(
            of: [.doctor, .other], holding: Self.words[.examCues], excluding: Self.introCues + Self.words[.assessmentStarts], questions: false,
            limit: 12
        )
        .filter { !EnglishCues.any(Self.words[.planCues], in: $0.text) || EnglishCues.any(EnglishReading.reportWords, in: $0.text) }
        // A sentence ordering a test ("Get a chest x-ray today") is the plan's.
        .filter { !Self.holds($0, anyOf: ordered) }
        .map { statement(person.doctor($0.text), [$0.span]) }

        let diagnoses = reading.diagnoses()
        if diagnoses.isEmpty {
            result["assessment"] = reading.sentences(of: [.doctor], holding: Self.words[.assessmentCues], questions: false, limit: 3).map { quote in
                statement(
                    person.doctor(quote.text), [quote.span],
                    flags: EnglishCues.any(Self.words[.uncertaintyCues], in: quote.text) ? [.uncertain] : [])
            }
        } else {
            result["assessment"] = diagnoses.map { diagnosis in
                diagnosis.statement(Self.sentence((diagnosis.uncertain ? "Probable " : "") + diagnosis.name), reportedTurns: reported)
            }
        }
        result["plan"] = plan(statement, person)
        return result
    }

    /// Medicines, tests, referrals and the follow-up as items, then the doctor's other advice as said.
    private func plan(_ statement: (String, [EvidenceSpan], [StatementFlag]) -> DraftStatement, _ person: ThirdPerson) -> [DraftStatement] {
        var items: [(text: String, evidence: [EvidenceSpan])] = reading.medicines(taken: false).map {
            (person.phrase($0.line.text, saidByPatient: false), [$0.line.span])
        }
        let tests = reading.testsOrdered()
        if !tests.isEmpty { items.append(("Order " + Self.listed(tests.map(\.text)), tests.map(\.span))) }
        items += reading.referrals().map { ($0.text, [$0.span]) }
        var plan = items.map { statement($0.text, $0.evidence, []) }
        // The doctor's assessment and plan as said, then other advice: sentences that hold no item already written.
        let followUp = reading.followUp()
        // "Come back in two weeks" is written once, as the follow-up.
        let itemSpans = items.flatMap(\.evidence) + (followUp.map { [$0.span] } ?? [])
        var said: Set<EvidenceSpan> = []
        let planCued = reading.sentences(
            of: [.doctor], holding: Self.words[.planCues], excluding: Self.words[.examStarts], questions: false, limit: 20)
        let advice = (reading.assessmentNarrative(limit: 12) + planCued)
            .filter { !Self.holds($0, anyOf: itemSpans) }
            .filter { said.insert($0.span).inserted }
            .prefix(12)
        plan += advice.map { statement(person.doctor($0.text), [$0.span], []) }
        if let followUp { plan.append(statement(followUp.text, [followUp.span], [])) }
        var written: Set<String> = []
        return plan.filter { written.insert($0.text.lowercased()).inserted }
    }

    /// Whether the quoted sentence holds one of `spans`.
    static func holds(_ quote: Quote, anyOf spans: [EvidenceSpan]) -> Bool {
        spans.contains { $0.turn == quote.span.turn && quote.span.start <= $0.start && $0.end <= quote.span.end }
    }

    /// Items joined as a sentence lists them: "cough, fever and chills".
    static func listed(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// Capitalised, ending with a full stop.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let body = first.uppercased() + text.dropFirst()
        return body.last.map { ".!?".contains($0) } == true ? body : body + "."
    }

    static let words = EnglishReading.words
    /// The doctor introducing the patient ("a 50-year-old female with a history of …"): the history, not the exam.
    static let introCues = words[.introCues]
    static let symptomWords = EnglishReading.words.symptoms.flatMap(\.said)
}
