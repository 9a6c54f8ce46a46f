/// Lists what a consultation says that a draft's text leaves out: the facts the built-in readers find (findings
/// present and denied, histories, allergies, vital signs, tests ordered, medicines with their dose, the diagnosis),
/// each looked for in the draft's text as the draft now reads, whichever engine wrote it and however the doctor edited it.
public enum OmissionCheck {
    /// The facts of `transcript` that `sections` (the draft's text) do not hold, in the order the readers list them.
    public static func omissions(in sections: [DraftSection], of transcript: [TranscriptTurn], template: DraftTemplate) -> [Omission] {
        let written = folded(sections.map(\.text).joined(separator: "\n"))
        let facts = template == .zhOutpatient ? chineseFacts(transcript) : englishFacts(transcript)
        var seen: Set<String> = []
        return facts.filter { fact in
            let key = folded(fact.match)
            return !key.isEmpty && !written.contains(key) && seen.insert(key).inserted
        }.map(\.omission)
    }

    /// A fact, and the words that show it is in a draft (the name without 无, the medicine without its dose).
    struct Fact {
        let omission: Omission
        let match: String

        init(_ kind: Omission.Kind, _ text: String, _ evidence: [EvidenceSpan], match: String? = nil) {
            omission = Omission(kind: kind, text: text, evidence: evidence)
            self.match = match ?? text
        }
    }

    static func chineseFacts(_ transcript: [TranscriptTurn]) -> [Fact] {
        let consultation = ChineseConsultation(transcript)
        // 乳房红 and 乳房肿 are written as one, 乳房红肿: a complaint is kept when its site's joined name is.
        let joined = ChineseConsultation.joinedBySite(consultation.findings.filter(\.present).map(\.name))
        var facts: [Fact] = consultation.findings.map { finding -> Fact in
            let text: String = finding.present ? finding.name : "无" + finding.name
            let site = finding.present ? ChineseConsultation.siteAndQuality(of: finding.name)?.site : nil
            let written = site.flatMap { site in joined.first { $0.hasPrefix(site) } } ?? finding.name
            return Fact(.finding, text, Array(finding.evidence.prefix(1)), match: written)
        }
        facts += consultation.pastHistory.filter { $0.text != "既往体健" }.map {
            Fact(
                .history, $0.text, [$0.span],
                match: $0.text.hasPrefix(ChineseReading.longTermUse) ? String($0.text.dropFirst(ChineseReading.longTermUse.count)) : $0.text)
        }
        // An allergy is kept when its allergen is: the medicine named in the allergy's own words.
        facts += consultation.allergies.map { quote in
            let allergen = ChineseReading.medicineIndex.matches(in: Array(Folded.text(quote.text))).first?.value
            return Fact(.allergy, quote.text, [quote.span], match: allergen ?? quote.text)
        }
        facts += consultation.examination.map { Fact(.exam, $0.text, [$0.span]) }
        if let diagnosis = consultation.diagnosis { facts.append(Fact(.diagnosis, diagnosis.name, Array(diagnosis.evidence.prefix(1)))) }
        for item in ChineseReading.recordOrder(of: consultation.plan, limit: 20) {
            if !item.parts.isEmpty {
                facts += item.parts.map { Fact(.order, $0.text, $0.evidence) }
            } else if ChineseReading.routeNames.contains(where: item.text.hasPrefix) {
                facts.append(Fact(.medicine, item.text, item.evidence, match: String(item.text.dropFirst(2))))
            }
        }
        return facts
    }

    static func englishFacts(_ transcript: [TranscriptTurn]) -> [Fact] {
        let consultation = EnglishConsultation(transcript)
        var facts = consultation.symptoms.map { Fact(.finding, $0.text, [$0.span]) }
        facts += consultation.deniedSymptoms.map { Fact(.finding, "no " + $0.text, [$0.span], match: $0.text) }
        facts += consultation.currentMedications.map { Fact(.history, $0.line.text, [$0.line.span], match: $0.name) }
        facts += consultation.diagnoses.map { Fact(.diagnosis, $0.asSaid ?? $0.name, Array($0.evidence.prefix(1))) }
        facts += consultation.testsOrdered.map { Fact(.order, $0.text, [$0.span]) }
        facts += consultation.prescribed.map { Fact(.medicine, $0.line.text, [$0.line.span], match: $0.name) }
        return facts
    }

    static func folded(_ text: String) -> String {
        String(Folded.text(text).filter { !$0.isWhitespace })
    }
}
