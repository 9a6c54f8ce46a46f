import Foundation
import Testing
@testable import ModelRuntime

/// What a clinic visit names in words the knowledge does not list, and what it says around them (batch dr-dev21):
/// a diagnosis and a product written as said, a medicine kept going, a habit denied after its name, complaints said
/// together.
struct WordsNotInTheKnowledgeTests {
    @Test func aDiagnosisTheKnowledgeDoesNotListIsWrittenAsTheDoctorNamedIt() throws {
        let named = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "右边胳膊肘外面疼了一个多月。"),
            TranscriptTurn(speaker: .doctor, text: "右肱骨外上髁压痛明显。这是肱骨外上髁炎，就是网球肘。"),
        ])
        #expect(named.section("diagnosis")?.text.contains("肱骨外上髁炎") == true)
        #expect(named.section("physicalExam")?.text.contains("这是") == false)
        // Denied, supposed or doubted between two: no diagnosis.
        for said in ["暂时没有考虑是病毒或者细菌感染。", "如果确诊肺炎，是需要住院治疗的。", "考虑是病毒或者细菌感染。"] {
            let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: "孩子拉肚子两天。"), TranscriptTurn(speaker: .doctor, text: said)])
            #expect(draft.section("diagnosis")?.text.contains("感染") != true && draft.section("diagnosis")?.text.contains("肺炎") != true, "\(said)")
        }
    }

    @Test func aProductTheKnowledgeDoesNotListIsNamedByItsFormAfterTheWordThatGivesIt() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "孩子鼻塞三天。"),
            TranscriptTurn(speaker: .doctor, text: "可以涂抹刺激性的涂鼻软膏。可以用复方木芙蓉涂鼻软膏，一天两次。"),
        ])
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("复方木芙蓉涂鼻软膏"), "\(plan)")
        #expect(!plan.contains("刺激性"), "\(plan)")
    }

    @Test func aMedicineNotToBeStoppedIsPrescribedNotStopped() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "乙肝复查。"),
            TranscriptTurn(speaker: .doctor, text: "恩替卡韦0.5毫克每天一次继续吃，不能自己停药。"),
        ])
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("恩替卡韦 0.5毫克，每日1次") && plan.contains("不可自行停药"), "\(plan)")
        #expect(!plan.contains("停用恩替卡韦"), "\(plan)")
    }

    @Test func aHabitNamedThenDeniedIsDenied() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "乙肝复查。"), TranscriptTurn(speaker: .doctor, text: "喝酒吗？"),
            TranscriptTurn(speaker: .patient, text: "酒不喝。"),
        ])
        #expect(draft.section("personalHistory")?.text.contains("否认饮酒") == true)
    }

    @Test func aChildWishedForIsNotTheChildWhoIsThePatient() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "我月经一直不准，两三个月才来一次。结婚两年了，想要孩子一直没怀上。")
        ])
        let illness = try #require(draft.section("presentIllness")?.text)
        #expect(illness.hasPrefix("患者") && illness.contains("月经"), "\(illness)")
    }

    @Test func complaintsSaidTogetherAreAllTheChiefComplaint() throws {
        let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: "孩子7岁，发烧咳嗽五天了，最高39度2。")])
        #expect(draft.section("chiefComplaint")?.text == "发热、咳嗽5天。")
        let apart = builtInDraft([TranscriptTurn(speaker: .patient, text: "咳嗽五天了，今天又有点拉肚子。")])
        #expect(apart.section("chiefComplaint")?.text == "咳嗽5天。")
    }

    @Test func aTestsResultIsNotAlsoAnExaminationFinding() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "月经五十多天没来。"), TranscriptTurn(speaker: .doctor, text: "查了尿妊娠试验阴性。"),
        ])
        #expect(draft.section("auxiliaryExams")?.text.contains("尿妊娠试验阴性") == true)
        #expect(draft.section("physicalExam")?.text.contains("妊娠") != true)
    }

    @Test func aboutTenDaysAndAFewSessionsAreNotQuestions() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "胳膊肘疼，已经十来天了。"), TranscriptTurn(speaker: .doctor, text: "做几次冲击波治疗。"),
        ])
        #expect(draft.section("chiefComplaint")?.text == "肘痛10天余。")
        #expect(draft.section("plan")?.text.contains("体外冲击波治疗") == true)
    }

    @Test func aLongPlanKeepsItsLastAdvice() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "解大便的时候疼，纸上有鲜血。"),
            TranscriptTurn(
                speaker: .doctor,
                text: "多吃蔬菜水果，多喝水，吃乳果糖口服液，一次15毫升，一天两次。每次便后温水坐浴，外用硝酸甘油软膏。一个月还不好就来考虑手术。"),
        ])
        #expect(draft.section("plan")?.text.contains("必要时手术治疗") == true)
    }
}

/// The same for an English visit: an answer that denies all asked, the diagnosis in the doctor's words, an instruction
/// that is not the assessment, names in their capitals.
struct EnglishWordsAsSaidTests {
    @Test func noneOfThoseDeniesAllThatWasAsked() throws {
        let draft = builtInDraft(
            [
                TranscriptTurn(speaker: .patient, text: "The room spins when I roll over in bed."),
                TranscriptTurn(speaker: .doctor, text: "Any hearing loss, ringing in the ears or double vision?"),
                TranscriptTurn(speaker: .patient, text: "None of those."),
            ], template: .enSOAP)
        let subjective = try #require(draft.section("subjective")?.text)
        #expect(subjective.contains("Denies hearing loss, tinnitus and double vision"), "\(subjective)")
        #expect(draft.section("chiefComplaint")?.text == "Vertigo.")
    }

    @Test func theDiagnosisIsWrittenInTheDoctorsWordsAndNamesKeepTheirCapitals() throws {
        let visit = [
            TranscriptTurn(speaker: .patient, text: "I have COPD and I've been more breathless for four days."),
            TranscriptTurn(
                speaker: .doctor,
                text: "This is an acute exacerbation of COPD, probably infective. If you get more breathless or confused, call 999."),
        ]
        let draft = builtInDraft(visit, template: .enSOAP)
        #expect(draft.section("assessment")?.text == "Acute exacerbation of COPD, probably infective.")
        #expect(draft.section("plan")?.text.contains("call 999") == true)
        #expect(OmissionCheck.omissions(in: draft.sections, of: visit, template: .enSOAP).isEmpty)
    }

    @Test func anInstructionIsThePlansNotTheAssessment() throws {
        let draft = builtInDraft(
            [
                TranscriptTurn(speaker: .patient, text: "She has crusty yellow sores around her nose."),
                TranscriptTurn(
                    speaker: .doctor, text: "This is impetigo. Keep her off nursery until she has had 48 hours of treatment."),
            ], template: .enSOAP)
        #expect(draft.section("assessment")?.text == "This is impetigo.")
        #expect(draft.section("plan")?.text.contains("nursery") == true)
    }
}
