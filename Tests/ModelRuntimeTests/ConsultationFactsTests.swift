import Testing
@testable import ModelRuntime

/// A consultation is read once into typed facts (complaint with its duration, findings present and denied, histories,
/// exam, diagnosis with its certainty, plan with doses); the note is written from them.
struct ConsultationFactsTests {
    @Test func aChineseVisitIsReadIntoTypedFacts() throws {
        let facts = ChineseConsultation([
            TranscriptTurn(speaker: .patient, text: "医生，我咳嗽五天了，有黄痰，不发烧。"),
            TranscriptTurn(speaker: .doctor, text: "以前有什么病吗？"),
            TranscriptTurn(speaker: .patient, text: "有高血压，一直吃氨氯地平。对青霉素过敏。"),
            TranscriptTurn(speaker: .doctor, text: "血压130/85。考虑急性支气管炎。先去拍个胸片，查个血常规。阿莫西林不能用，开点止咳糖浆，一次10毫升，一天三次。一周后复诊。"),
        ])
        #expect(facts.patient.isChild == false)
        let complaint = try #require(facts.complaint)
        #expect(complaint.name == "咳嗽")
        #expect(facts.complaintDuration?.found.text == "5天")
        #expect(facts.findings.contains { $0.name == "发热" && !$0.present })
        #expect(facts.pastHistory.contains { $0.text.contains("高血压") })
        #expect(facts.allergies.contains { $0.text.contains("青霉素") })
        #expect(facts.examination.contains { $0.text.contains("130/85") })
        let diagnosis = try #require(facts.diagnosis)
        #expect(diagnosis.name == "急性支气管炎" && diagnosis.uncertain)
        let plan = facts.plan.map(\.text)
        #expect(plan.contains { $0.contains("胸片") && $0.contains("血常规") })
        #expect(plan.contains { $0.contains("止咳糖浆") && $0.contains("10") })
        #expect(plan.contains { $0.hasSuffix("复诊") })
        #expect(!plan.contains { $0.contains("阿莫西林") })
        // Every fact points at where it was said.
        #expect(([complaint, diagnosis] + facts.findings).allSatisfy { !$0.evidence.isEmpty })
    }

    @Test func theNoteIsWrittenFromTheFacts() {
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "孩子发烧两天，最高39度，精神差。"),
            TranscriptTurn(speaker: .doctor, text: "考虑上感，多喝水，物理降温。"),
        ]
        let facts = ChineseConsultation(transcript)
        let sections = OutpatientWriter(facts: facts).sections()
        #expect(facts.patient.isChild)
        #expect(facts.highestTemperature?.found.text == "39℃")
        #expect(sections["presentIllness"]?.contains { $0.text.contains("体温最高39℃") } == true)
        #expect(sections["presentIllness"]?.contains { $0.text == "精神差" } == true)
        #expect(sections["diagnosis"]?.first?.text.hasPrefix("上呼吸道感染") == true)
    }

    @Test func anEnglishVisitIsReadIntoTypedFacts() throws {
        let facts = EnglishConsultation([
            TranscriptTurn(speaker: .doctor, text: "What brings you in today?"),
            TranscriptTurn(speaker: .patient, text: "I've had a sore throat and a fever for three days. No cough."),
            TranscriptTurn(speaker: .doctor, text: "Any allergies?"),
            TranscriptTurn(speaker: .patient, text: "I'm allergic to penicillin."),
            TranscriptTurn(speaker: .doctor, text: "On exam, your tonsils are swollen with exudate. This is strep throat."),
            TranscriptTurn(
                speaker: .doctor,
                text: "I'll prescribe azithromycin 500 mg once daily for three days. Let's get a rapid strep test. Come back in a week."),
        ])
        #expect(facts.symptoms.contains { $0.text.contains("sore throat") })
        #expect(facts.deniedSymptoms.contains { $0.text.contains("cough") })
        #expect(facts.allergies.contains { $0.text.contains("penicillin") })
        #expect(facts.examination.contains { $0.text.contains("tonsils") })
        #expect(facts.diagnoses.contains { $0.name.lowercased().contains("strep") })
        #expect(facts.prescribed.contains { $0.name == "azithromycin" && $0.line.text.contains("500 mg") })
        #expect(facts.testsOrdered.contains { $0.text.lowercased().contains("strep") })
        #expect(facts.followUp != nil)
    }
}
