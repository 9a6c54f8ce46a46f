import Clinical

/// Writes the SOAP sections from the facts an English consultation established, in a clinician's style: the patient in
/// the third person, symptoms reported and denied, medicines with their dose, exam and results as found, each diagnosis
/// named, then the plan item by item. Every statement points at what it was read from.
struct SOAPWriter {
    let facts: EnglishConsultation

    func sections() -> [String: [DraftStatement]] {
        let reported = facts.reportedTurns
        let person = ThirdPerson(facts.person)
        func statement(_ text: String, _ evidence: [EvidenceSpan], flags: [StatementFlag] = []) -> DraftStatement {
            var all = flags
            if !evidence.isEmpty, evidence.allSatisfy({ reported.contains($0.turn) }) { all.append(.patientReported) }
            return DraftStatement(text: Self.sentence(text), evidence: evidence, flags: all)
        }
        /// A sentence as said, in the third person whoever said it.
        func told(_ quote: Quote) -> String {
            facts.patientSideTurns.contains(quote.span.turn) ? person.patient(quote.text) : person.doctor(quote.text)
        }
        let symptoms = facts.symptoms
        var result: [String: [DraftStatement]] = [:]
        if let reason = facts.reason {
            result["chiefComplaint"] = [statement(reason.text, [reason.span])]
        } else if !symptoms.isEmpty {
            // "an itchy red rash": words said right before another symptom describe it; the rash is the complaint.
            let described = symptoms.filter { symptom in
                !symptoms.contains { $0.span.turn == symptom.span.turn && $0.span.start == symptom.span.end + 1 }
            }
            let main = Array((described.isEmpty ? symptoms : described).prefix(2))
            result["chiefComplaint"] = [statement(main.map(\.text).joined(separator: ", "), main.map(\.span))]
        }

        var subjective: [DraftStatement] = []
        if !symptoms.isEmpty {
            subjective.append(statement("The patient reports " + Self.listed(symptoms.map(\.text)), symptoms.map(\.span)))
        }
        subjective += facts.introduction.map { statement(person.doctor($0.text), [$0.span]) }
        subjective += facts.history.map { statement(person.patient($0.text), [$0.span]) }
        let denied = facts.deniedSymptoms
        if !denied.isEmpty { subjective.append(statement("Denies " + Self.listed(denied.map(\.text)), denied.map(\.span))) }
        let taking = facts.currentMedications.map(\.line)
        if !taking.isEmpty {
            let lines = taking.map { person.phrase($0.text, saidByPatient: facts.patientSideTurns.contains($0.span.turn)) }
            subjective.append(statement("Current medications: " + Self.listed(lines), taking.map(\.span)))
        }
        result["subjective"] = subjective
        result["allergies"] = facts.allergies.map { statement(told($0), [$0.span]) }
        result["objective"] = facts.examination.map { statement(person.doctor($0.text), [$0.span]) }
        if facts.diagnoses.isEmpty {
            result["assessment"] = facts.assessment.map { quote in
                statement(
                    person.doctor(quote.text), [quote.span],
                    flags: EnglishCues.any(Self.words[.uncertaintyCues], in: quote.text) ? [.uncertain] : [])
            }
        } else {
            result["assessment"] = facts.diagnoses.map { diagnosis in
                diagnosis.statement(
                    Self.sentence(diagnosis.asSaid ?? ((diagnosis.uncertain ? "Probable " : "") + diagnosis.name)), reportedTurns: reported)
            }
        }
        result["plan"] = plan(statement, person)
        return result
    }

    /// Medicines, tests, referrals and the follow-up as items, then the doctor's other advice as said.
    private func plan(_ statement: (String, [EvidenceSpan], [StatementFlag]) -> DraftStatement, _ person: ThirdPerson) -> [DraftStatement] {
        var items: [(text: String, evidence: [EvidenceSpan])] = facts.prescribed.map {
            (person.phrase($0.line.text, saidByPatient: false), [$0.line.span])
        }
        let tests = facts.testsOrdered
        if !tests.isEmpty { items.append(("Order " + Self.listed(tests.map(\.text)), tests.map(\.span))) }
        items += facts.referrals.map { ($0.text, [$0.span]) }
        var plan = items.map { statement($0.text, $0.evidence, []) }
        plan += facts.advice.map { statement(person.doctor($0.text), [$0.span], []) }
        if let followUp = facts.followUp { plan.append(statement(followUp.text, [followUp.span], [])) }
        var written: Set<String> = []
        return plan.filter { written.insert($0.text.lowercased()).inserted }
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
}
