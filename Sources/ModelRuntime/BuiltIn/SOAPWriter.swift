/// Writes the SOAP sections from what an English consultation says.
struct SOAPWriter {
    let reading: EnglishReading

    func sections() -> [String: [DraftStatement]] {
        let reported = reading.reportedTurns
        func statements(_ quotes: [Quote], prefix: String = "", flags: [StatementFlag] = []) -> [DraftStatement] {
            quotes.map { quote in
                var all = flags
                if reported.contains(quote.span.turn) { all.append(.patientReported) }
                return DraftStatement(text: prefix + quote.text, evidence: [quote.span], flags: all)
            }
        }
        var result: [String: [DraftStatement]] = [:]
        if let reason = reading.reasonForVisit() {
            result["chiefComplaint"] = statements([reason])
        } else {
            result["chiefComplaint"] = statements(Array(reading.reportedSymptoms().prefix(2)))
        }
        let patientSide: Set<Speaker> = [.patient, .previsit]
        result["subjective"] =
            statements(reading.sentences(of: [.doctor], holding: [" year-old", " history of", " presents", " past medical history"], limit: 3))
            + statements(reading.sentences(of: patientSide, holding: EnglishReading.symptoms.map { " \($0)" } + Self.historyCues, limit: 30))
            + statements(reading.deniedSymptoms(), prefix: "Denies ")
        result["allergies"] = statements(reading.sentences(of: [.doctor, .patient, .previsit], holding: ["allerg"], limit: 3))
        result["objective"] = statements(reading.sentences(of: [.doctor, .other], holding: Self.objectiveCues, excluding: [" ?"], limit: 15))
        let assessment = reading.sentences(of: [.doctor], holding: Self.assessmentCues, limit: 10)
        result["assessment"] = assessment.map { quote in
            let uncertain = Self.uncertaintyCues.contains { (" " + quote.text + " ").contains($0) }
            var flags: [StatementFlag] = uncertain ? [.uncertain] : []
            if reported.contains(quote.span.turn) { flags.append(.patientReported) }
            return DraftStatement(text: quote.text, evidence: [quote.span], flags: flags)
        }
        result["plan"] = statements(reading.sentences(of: [.doctor], holding: Self.planCues, limit: 20))
        return result
    }

    static let historyCues = [
        " i've been ", " i have been ", " started ", " since ", " ago ", " taking ", " medication", " i had ", " i've had ", " worse", " better",
        " hurts", " feel ",
    ]
    static let objectiveCues = [
        " exam", " blood pressure", " heart rate", " lungs", " heart ", " murmur", " tender", " x-ray", " results", " lab", " mri", " ct ",
        " ultrasound", " ekg", " echo", " normal limits", " temperature", " oxygen", " vital", " palpat", " auscultation", " swelling", " effusion",
    ]
    static let assessmentCues = [
        " i think ", " consistent with", " diagnos", " likely", " assessment", " impression", " you have ", " it sounds like", " it looks like",
        " probably",
    ]
    static let uncertaintyCues = [" likely", " probably", " possibly", " might ", " maybe ", " i think ", " sounds like", " looks like"]
    static let planCues = [
        " i'm going to", " i am going to", " we'll ", " we will ", " let's ", " i want you to", " i'd like to", " prescribe", " order", " refer",
        " continue", " follow up", " follow-up", " schedule", " increase", " decrease", " start you on", " recommend",
    ]
}
