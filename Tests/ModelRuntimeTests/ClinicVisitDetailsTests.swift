import Foundation
import Testing
@testable import ModelRuntime

/// What a clinic visit says around its facts (batch dr-dev22): a medicine denied after its name, a diagnosis beside a
/// listed one, how a medicine is given, what one site feels written once, a condition for coming back.
struct ClinicVisitDetailsTests {
    @Test func aMedicineNamedThenDeniedWasNotTaken() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "鼻子流血半小时了。"), TranscriptTurn(speaker: .doctor, text: "吃不吃阿司匹林？"),
            TranscriptTurn(speaker: .patient, text: "阿司匹林没吃过。"),
        ])
        #expect(draft.section("presentIllness")?.text.contains("阿司匹林") == false)
    }

    @Test func aDiagnosisTheKnowledgeDoesNotListStandsBesideOneItDoes() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "左边鼻子流血流了快半个小时了。"),
            TranscriptTurn(speaker: .doctor, text: "血压170/100。诊断鼻出血，高血压病。"),
        ])
        let diagnosis = try #require(draft.section("diagnosis")?.text)
        let nosebleed = try #require(diagnosis.range(of: "鼻出血")), pressure = try #require(diagnosis.range(of: "高血压"))
        #expect(nosebleed.lowerBound < pressure.lowerBound, "\(diagnosis)")
    }

    @Test func theWordsAfterAMedicineTellHowItIsGivenAndWhatIsOrderedOrRechecked() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "发烧两天了，右边腰疼。"),
            TranscriptTurn(speaker: .doctor, text: "先做个尿培养，然后头孢曲松静脉输液，一天一次。三天后来复查血常规。"),
        ])
        let plan = try #require(draft.section("plan")?.text)
        for line in ["完善尿培养", "复查血常规", "静滴头孢曲松 每日1次"] { #expect(plan.contains(line), "\(line) in \(plan)") }
        #expect(!plan.contains("口服头孢曲松"), "\(plan)")
    }

    @Test func whatOneSiteFeelsIsWrittenOnceAndKept() throws {
        let visit = [TranscriptTurn(speaker: .patient, text: "我生完孩子一个月，在喂奶，左边乳房又红又肿又疼，昨天开始发烧。")]
        let draft = builtInDraft(visit)
        #expect(draft.section("chiefComplaint")?.text.hasPrefix("乳房红肿痛") == true)
        let illness = try #require(draft.section("presentIllness")?.text)
        #expect(illness.hasPrefix("患者"), "\(illness)")
        let omitted = OmissionCheck.omissions(in: draft.sections, of: visit, template: .zhOutpatient).map(\.text)
        #expect(!omitted.contains { $0.hasPrefix("乳房") }, "\(omitted)")
    }

    @Test func aConditionForComingBackIsNotAFinding() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "乳房红肿疼两天。"),
            TranscriptTurn(speaker: .doctor, text: "左乳压痛明显，无波动感。三天不退烧或者摸着有波动感，要来复查B超。"),
        ])
        let exam = try #require(draft.section("physicalExam")?.text)
        #expect(exam.contains("无波动感") && !exam.contains("不退烧"), "\(exam)")
    }

    @Test func aVagueFindingDeniedGivesWayToANamedOne() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "拉肚子快一年了。"), TranscriptTurn(speaker: .doctor, text: "大便有没有异常？有没有黏液？"),
            TranscriptTurn(speaker: .patient, text: "没有异常，有点黏液。"),
        ])
        let illness = try #require(draft.section("presentIllness")?.text)
        #expect(!illness.contains("无大便异常"), "\(illness)")
    }

    @Test func howFarThePregnancyIsIsNotHowLongTheIllnessHasLasted() throws {
        let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: "我怀孕二十八周了，脚肿得厉害。")])
        #expect(draft.section("chiefComplaint")?.text.contains("28周") == false)
        #expect(draft.section("presentIllness")?.text.contains("孕28周") == true)
    }

    @Test func aSprainedAnkleIsSwollenNotOedematous() throws {
        let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: "前天打球把右脚崴了，脚踝肿得厉害。")])
        let illness = try #require(draft.section("presentIllness")?.text)
        #expect(illness.contains("踝肿") && !illness.contains("水肿"), "\(illness)")
    }

    @Test func moreThanThreeResultsAreKept() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "发烧两天。"),
            TranscriptTurn(speaker: .doctor, text: "血常规白细胞15.6，中性粒细胞偏高，尿常规白细胞满视野，亚硝酸盐阳性。"),
        ])
        #expect(draft.section("auxiliaryExams")?.statements.count == 4)
    }
}

/// The same for an English visit: a prescription on a condition, a parent speaking of a child by age, a referral's
/// reason, the follow-up said as "see you in".
struct EnglishVisitDetailsTests {
    @Test func aPrescriptionOnAConditionKeepsTheCondition() throws {
        let draft = builtInDraft(
            [
                TranscriptTurn(speaker: .patient, text: "My 3 year old has been pulling at his right ear since last night."),
                TranscriptTurn(
                    speaker: .doctor,
                    text: "This is acute otitis media. If he's no better in two to three days, start amoxicillin 250 mg three times a day."),
            ], template: .enSOAP)
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("If he's no better in two to three days, start amoxicillin 250 mg"), "\(plan)")
        #expect(draft.section("subjective")?.text.contains("His 3 year old") == false)
    }

    @Test func aReferralKeepsItsReasonAndTheFollowUpIsSaidAsSeeYouIn() throws {
        let draft = builtInDraft(
            [
                TranscriptTurn(speaker: .patient, text: "I've been exhausted for months and my periods are really heavy."),
                TranscriptTurn(
                    speaker: .doctor,
                    text:
                        "I'll refer you to gynaecology about the heavy bleeding, and refer you to the urologist so that they can look. I'll see you in four weeks."
                ),
            ], template: .enSOAP)
        let plan = try #require(draft.section("plan")?.text)
        for line in ["Refer to gynaecology about the heavy bleeding.", "Refer to the urologist.", "Follow up in four weeks."] {
            #expect(plan.contains(line), "\(line) in \(plan)")
        }
    }
}
