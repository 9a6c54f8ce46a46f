import Foundation
import Testing
@testable import ModelRuntime

/// Whose and what a sentence is about (batch dr-dev25): an allergy's reaction, a relative's illness, the patient's
/// work, what makes the complaint worse, a medicine or an operation the knowledge does not list.
struct WhoAndWhatASentenceIsOfTests {
    @Test func theReactionToAnAllergyIsTheAllergysNotTheIllness() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "左边耳朵疼了一周。"),
            TranscriptTurn(speaker: .doctor, text: "对什么药过敏？"),
            TranscriptTurn(speaker: .patient, text: "青霉素过敏，打针起过疹子。"),
        ])
        let illness = try #require(draft.section("presentIllness")?.text)
        #expect(!illness.contains("皮疹") && !illness.contains("打针"), "\(illness)")
        #expect(draft.section("allergies")?.text.contains("疹子") == true)
        // An allergy happening now is the illness.
        let now = builtInDraft([TranscriptTurn(speaker: .patient, text: "昨天吃海鲜过敏了，身上起了好多疹子。")])
        #expect(now.section("presentIllness")?.text.contains("皮疹") == true)
    }

    @Test func aRelativeWhoHasItTooIsFamilyHistory() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "我家老人最近两个月老是忘事。"),
            TranscriptTurn(speaker: .doctor, text: "家里有没有人有类似情况？"),
            TranscriptTurn(speaker: .patient, text: "他姐姐晚年也糊涂了。"),
        ])
        #expect(draft.section("familyHistory")?.text.contains("姐姐") == true)
        #expect(draft.section("chiefComplaint")?.text == "记忆力减退2个月。")
        #expect(draft.section("presentIllness")?.text.contains("意识模糊") == false)
    }

    @Test func theWorkThePatientNamesIsPersonalHistory() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "脖子疼了两周，低头看手机更明显。"),
            TranscriptTurn(speaker: .doctor, text: "做什么工作的？"),
            TranscriptTurn(speaker: .patient, text: "会计，天天对着电脑。"),
        ])
        #expect(draft.section("personalHistory")?.text.contains("职业：会计") == true)
        #expect(draft.section("presentIllness")?.text.contains("低头看手机更明显") == true)
    }

    @Test func aMedicineTheKnowledgeDoesNotListIsNamedByTheDoseAfterIt() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "老人记性越来越差。"),
            TranscriptTurn(speaker: .doctor, text: "开多奈哌齐，一次5毫克，每晚睡前一次。口服磷霉素氨丁三醇，3克。每天吃两次药，一次1片。"),
        ])
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("多奈哌齐 5毫克，睡前1次") && plan.contains("磷霉素氨丁三醇 3克"), "\(plan)")
        #expect(!plan.contains("两次药"), "\(plan)")
    }

    @Test func anOperationTheKnowledgeDoesNotListIsWrittenAsSaid() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "月经量越来越多半年了。"),
            TranscriptTurn(speaker: .doctor, text: "建议住院做子宫肌瘤剔除术。不做个手术也可以先观察。"),
        ])
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("子宫肌瘤剔除术") && !plan.contains("个手术"), "\(plan)")
    }

    @Test func aBurningWhenPassingWaterIsNotAFever() throws {
        let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: "三天前开始小便的时候烧得慌，老想上厕所。")])
        #expect(draft.section("chiefComplaint")?.text == "尿痛3天。")
        #expect(draft.section("presentIllness")?.text.contains("发热") == false)
    }

    @Test func aMotherOfAChildIsNotAChildPatient() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "我这半年老觉得累，上楼梯心慌。"),
            TranscriptTurn(speaker: .doctor, text: "生过孩子吗？"),
            TranscriptTurn(speaker: .patient, text: "生过一个孩子，顺产。"),
        ])
        #expect(draft.section("presentIllness")?.text.hasPrefix("患者") == true)
    }

    @Test func aSuspectedDiagnosisIsTheAssessmentAndAnAdverbKeepsTheVerbAgreeing() throws {
        let draft = builtInDraft(
            [
                TranscriptTurn(speaker: .patient, text: "My knee gives way since I twisted it."),
                TranscriptTurn(
                    speaker: .doctor,
                    text: "X-ray shows no fracture. I suspect an anterior cruciate ligament tear. I'll request an MRI. "
                        + "If you ever feel it lock, come back."),
            ], template: .enSOAP)
        #expect(draft.section("assessment")?.text == "Anterior cruciate ligament tear.")
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("MRI") && plan.contains("ever feels"), "\(plan)")
    }

    @Test func comingBackKeepsTheConditionItWasGivenWith() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "孩子发烧一天，手上长了小红点。"),
            TranscriptTurn(speaker: .doctor, text: "诊断手足口病。精神好的话在家观察。如果出现精神差、呕吐、呼吸快，马上来医院。"),
        ])
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("如出现精神差、呕吐、呼吸快，及时就医"), "\(plan)")
        // A condition names what to watch for, and ends where the advice's own words begin.
        for (said, written) in [("有事马上来医院。", "及时就医。"), ("如果不放心，马上来医院。", "及时就医。"), ("如咳嗽加重也要及时带宝宝去医院。", "如咳嗽加重，医院就诊。")] {
            let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: "孩子发烧一天。"), TranscriptTurn(speaker: .doctor, text: said)])
            #expect(draft.section("plan")?.text == written, "\(said)")
        }
    }
}
