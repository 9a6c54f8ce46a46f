import Foundation
import Testing
@testable import ModelRuntime

/// Whose history an answer is, a report that goes on past its first clause, a weekly dose, a diagnosis said with more
/// than its listed name (batch dr-dev23).
struct ReportsAndHistoriesTests {
    @Test func aQuestionAboutTheFamilyIsAnsweredWithTheirHistoryNotThePatients() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "晚上咳得喘不上气两个月了。"),
            TranscriptTurn(speaker: .doctor, text: "以前有没有过敏性鼻炎？家里人有哮喘吗？抽烟吗？"),
            TranscriptTurn(speaker: .patient, text: "有过敏性鼻炎好多年了。我爸有哮喘。不抽烟。"),
        ])
        let past = try #require(draft.section("pastHistory")?.text)
        #expect(past.contains("过敏性鼻炎") && !past.contains("哮喘"), "\(past)")
        #expect(draft.section("familyHistory")?.text.contains("哮喘") == true)
        #expect(draft.section("personalHistory")?.text.contains("否认吸烟") == true)
    }

    @Test func aWeeklyDoseIsWrittenWeekly() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "手指关节肿痛三个月。"),
            TranscriptTurn(speaker: .doctor, text: "诊断类风湿关节炎。甲氨蝶呤每周一次，一次10毫克。"),
        ])
        #expect(draft.section("plan")?.text.contains("甲氨蝶呤 10毫克，每周1次") == true)
    }

    @Test func aReportGoesOnInTheClausesAfterIt() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "右下边肚子疼一天。"),
            TranscriptTurn(speaker: .doctor, text: "腹部彩超提示阑尾增粗，周围少量渗出。诊断急性阑尾炎。"),
        ])
        #expect(draft.section("auxiliaryExams")?.text.contains("阑尾增粗，周围少量渗出") == true)
        #expect(draft.section("physicalExam")?.text.contains("渗出") != true)
    }

    @Test func aDiagnosisSaidWithMoreThanItsListedNameIsWrittenAsSaidOnce() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "体检说我转氨酶高。"),
            TranscriptTurn(speaker: .doctor, text: "诊断酒精性脂肪性肝病。必须戒酒。建议先做右眼白内障超声乳化手术。"),
        ])
        #expect(draft.section("diagnosis")?.text == "酒精性脂肪性肝病。")
        #expect(draft.section("plan")?.text.contains("完善超声") == false)
    }
}

/// What a clause denies at its end, an advice beside a measurement, a test to be collected (batch dr-dev24).
struct ClauseEndsAndOrdersTests {
    @Test func aClauseThatEndsWithANoDeniesWhatItNamed() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "一个多月老是紧张，睡不着。"), TranscriptTurn(speaker: .doctor, text: "有没有不想活的念头？"),
            TranscriptTurn(speaker: .patient, text: "不想活的念头没有。"),
        ])
        let illness = try #require(draft.section("presentIllness")?.text)
        #expect(illness.contains("无自杀念头") && !illness.contains("、自杀念头"), "\(illness)")
    }

    @Test func anAdviceBesideAMeasurementIsThePlansAndATestToCollectIsOrdered() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "宝宝发烧一天，小便的时候哭。"),
            TranscriptTurn(speaker: .doctor, text: "体重82公斤。控制体重，每天快走。留尿培养。"),
        ])
        let exam = try #require(draft.section("physicalExam")?.text)
        #expect(exam.contains("体重82公斤") && !exam.contains("控制"), "\(exam)")
        #expect(draft.section("plan")?.text.contains("完善尿培养") == true)
    }

    @Test func twoPillowsIsOrthopnoeaAndAnArrangedScanIsOrdered() throws {
        let draft = builtInDraft(
            [
                TranscriptTurn(speaker: .patient, text: "I'm short of breath walking up hills. I need two pillows now."),
                TranscriptTurn(speaker: .doctor, text: "I think this is heart failure. I'll arrange an echocardiogram today. Weigh yourself daily."),
            ], template: .enSOAP)
        #expect(draft.section("subjective")?.text.contains("orthopnoea") == true)
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("echocardiogram") && plan.contains("Weigh"), "\(plan)")
    }
}

/// The same for an English visit: a knee that locks, a pop and giving way denied, a smoker who never smoked.
struct EnglishHistoriesTests {
    @Test func whatAKneeDoesAndDoesNotDoIsRead() throws {
        let draft = builtInDraft(
            [
                TranscriptTurn(
                    speaker: .patient, text: "I twisted my right knee two weeks ago. It swelled up and now it catches and sometimes locks."),
                TranscriptTurn(speaker: .doctor, text: "Did you hear a pop? Does it give way? Do you smoke?"),
                TranscriptTurn(speaker: .patient, text: "No pop. It doesn't give way. I've never smoked."),
            ], template: .enSOAP)
        let subjective = try #require(draft.section("subjective")?.text)
        #expect(subjective.contains("locking") && subjective.contains("Denies"), "\(subjective)")
        #expect(subjective.contains("never smoked"), "\(subjective)")
    }
}
