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
