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

    @Test func historiesAreWrittenTheRecordsWay() {
        let facts = ChineseConsultation([
            TranscriptTurn(speaker: .patient, text: "最近心慌，动不动一身汗，吃药没什么效果。"),
            TranscriptTurn(speaker: .doctor, text: "有什么病吗？家里人有甲状腺的病吗？对什么药过敏吗？"),
            TranscriptTurn(speaker: .patient, text: "有糖尿病，一直吃二甲双胍。我妈有甲亢。没有过敏。"),
            TranscriptTurn(speaker: .doctor, text: "甲状腺二度肿大。这是甲状腺功能亢进症。"),
        ])
        // 动不动 does not deny; 没什么效果 asks nothing.
        #expect(facts.findings.contains { $0.name == "出汗" && $0.present })
        #expect(facts.course?.text == "症状无明显改善")
        #expect(facts.familyHistory.map(\.text) == ["母亲有甲亢"])
        #expect(!facts.pastHistory.contains { $0.text.contains("甲亢") || $0.text.contains("甲状腺功能亢进") })
        #expect(facts.allergies.map(\.text) == ["否认过敏史"])
        // The medicine of a long-standing disease is the history's, not this illness's.
        #expect(facts.pastHistory.contains { $0.text == "长期使用二甲双胍" })
        #expect(!facts.medicinesTaken.contains { $0.text == "二甲双胍" })
        // The naming of the diagnosis is not an exam finding.
        #expect(facts.examination.map(\.text) == ["甲状腺二度肿大"])
    }

    @Test func englishSitesAndAdviceAreReadAcrossCommas() {
        let facts = EnglishConsultation([
            TranscriptTurn(speaker: .patient, text: "I have a red, itchy right eye. I also have pain in my big toe. It's swollen."),
            TranscriptTurn(
                speaker: .doctor,
                text:
                    "Your diabetes is not controlled, and there's early peripheral neuropathy. Keep taking ibuprofen 400 mg three times a day, use heat, and stay active."
            ),
        ])
        let symptoms = facts.symptoms.map(\.text)
        #expect(symptoms.contains("right eye redness") && symptoms.contains("right eye itching"))
        #expect(symptoms.contains("toe swelling"))
        #expect(facts.diagnoses.map(\.name).contains("peripheral neuropathy"))
        #expect(facts.advice.contains { $0.text.contains("use heat") && !$0.text.contains("ibuprofen") })
    }

    @Test func whoIsIllAndWhatBroughtThemAreReadFromTheOpening() {
        let mother = ChineseConsultation([
            TranscriptTurn(speaker: .patient, text: "我妈今年六十八，一咳嗽就漏尿。"),
            TranscriptTurn(speaker: .doctor, text: "有没有尿急、尿痛？生过几个孩子？"),
            TranscriptTurn(speaker: .patient, text: "不急也不痛，生过三个，都是顺产。"),
        ])
        #expect(!mother.patient.isChild)
        #expect(mother.findings.contains { $0.name == "尿急" && !$0.present } && mother.findings.contains { $0.name == "尿痛" && !$0.present })
        let checkUp = ChineseConsultation([TranscriptTurn(speaker: .patient, text: "我体检查出来血脂高，医生让我来看看。")])
        let sections = OutpatientWriter(facts: checkUp).sections()
        #expect(sections["chiefComplaint"]?.first?.text == "体检发现高脂血症")
    }

    @Test func aListAfterAColonIsWhatTheClauseBeforeItAdvised() {
        let facts = ChineseConsultation([
            TranscriptTurn(speaker: .doctor, text: "四联疗法吃两周：艾司奥美拉唑、阿莫西林、克拉霉素、枸橼酸铋钾。布地奈德吸入，一天两次。")
        ])
        let plan = facts.plan.map(\.text).joined(separator: "；")
        #expect(["艾司奥美拉唑", "阿莫西林", "克拉霉素", "枸橼酸铋钾"].allSatisfy(plan.contains), "\(plan)")
        // The longest word of a form decides the route: 布地奈德 is inhaled though it holds 地奈德, a cream.
        #expect(plan.contains("吸入布地奈德"), "\(plan)")
    }

    @Test func englishAdviceBeforeAPrescriptionInItsSentenceIsKept() {
        let facts = EnglishConsultation([
            TranscriptTurn(
                speaker: .doctor, text: "I'd like you to cut back on salt, walk thirty minutes a day, and start amlodipine 5 mg once daily.")
        ])
        #expect(facts.prescribed.map(\.name) == ["amlodipine"])
        #expect(facts.advice.contains { $0.text.contains("cut back on salt") && !$0.text.contains("amlodipine") })
    }
}
