import Foundation
import Testing
@testable import ModelRuntime

/// Every statement of every draft the built-in engine writes has evidence, and every span lies in the transcript.
struct DraftEvidenceTests {
    static let dataFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data").standardized

    static func consultations(_ name: String) throws -> [Consultation] {
        try Consultation.readLines(try Data(contentsOf: dataFolder.appendingPathComponent(name)))
    }

    @Test(
        .enabled(if: FileManager.default.fileExists(atPath: dataFolder.path)),
        arguments: ["record_drafting_zh.dev.jsonl", "record_drafting_en.dev.jsonl"])
    func everyStatementOfEveryDevelopmentDraftHasValidEvidence(_ file: String) throws {
        var statements = 0
        for consultation in try Self.consultations(file) {
            let transcript = consultation.transcript
            let draft = builtInDraft(transcript, template: consultation.template)
            #expect(draft.statementsWithoutEvidence.isEmpty, "\(consultation.id)")
            #expect(draft.invalidEvidence(in: transcript).isEmpty, "\(consultation.id)")
            #expect(draft.sections.map(\.key) == consultation.template.sections.map(\.key))
            statements += draft.sections.reduce(0) { $0 + $1.statements.count }
        }
        #expect(statements > 100)
    }

    @Test func quotedStatementsSayWhatTheirEvidenceSays() throws {
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "宝宝３岁，发烧３天了，最高39度5，吃了美林。"),
            TranscriptTurn(speaker: .doctor, text: "查过血常规吗？"),
            TranscriptTurn(speaker: .patient, text: "血常规显示白细胞偏高。"),
            TranscriptTurn(speaker: .doctor, text: "考虑细菌感染引起的上呼吸道感染，建议口服阿莫西林，多喝水，注意观察体温。"),
        ]
        let draft = builtInDraft(transcript)
        #expect(draft.section("chiefComplaint")?.text == "发热3天。")
        #expect(draft.section("presentIllness")?.text.hasPrefix("3岁患儿3天前出现发热") == true)
        #expect(draft.section("presentIllness")?.text.contains("体温最高39.5℃") == true)
        #expect(draft.section("auxiliaryExams")?.text == "血常规显示白细胞偏高。")
        #expect(draft.section("diagnosis")?.text == "上呼吸道感染？")
        let plan = try #require(draft.section("plan")).text
        #expect(plan.contains("口服阿莫西林") && plan.contains("多饮水"))
        // The full-width ３ is read, and its span still points at the original characters.
        let age = try #require(draft.section("presentIllness")?.statements.first?.evidence.compactMap { $0.quote(in: transcript) })
        #expect(age.contains("３岁"))
        #expect(draft == builtInDraft(transcript))
    }

    @Test(arguments: [
        ("孩子拉肚子两天了。", "考虑是消化不良。", "小儿消化不良？"),
        ("宝宝咳嗽三天。", "诊断支气管炎。", "小儿支气管炎。"),
        ("我咳嗽三天。", "诊断支气管炎。", "支气管炎。"),
        ("宝宝出生10天，皮肤发黄。", "先观察一下。", "新生儿黄疸待查。"),
        ("宝宝8个月，皮肤发黄。", "先观察一下。", "黄疸待查。"),
        ("孩子咳嗽两天。", "先观察一下。", "小儿咳嗽待查。"),
        ("孩子出疹子两天。", "是幼儿急疹。", "幼儿急疹。"),
    ])
    func aChildsDiagnosisIsWrittenWithItsPediatricName(_ complaint: String, _ doctor: String, _ written: String) throws {
        let transcript = [TranscriptTurn(speaker: .patient, text: complaint), TranscriptTurn(speaker: .doctor, text: doctor)]
        let draft = builtInDraft(transcript)
        #expect(draft.section("diagnosis")?.text == written)
        #expect(draft.invalidEvidence(in: transcript).isEmpty)
    }

    @Test func prescriptionsKeepTheirDoseAndFrequencyAndTheFollowUpItsInterval() throws {
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "孩子发烧两天了，39度，吃了小儿氨酚黄那敏颗粒。"),
            TranscriptTurn(speaker: .doctor, text: "布洛芬混悬液，每次5ml，每6小时一次，体温超过38.5度再吃；阿莫西林颗粒一次1袋，一天三次。多喝水，三天后复诊。"),
        ]
        let draft = builtInDraft(transcript)
        let plan = try #require(draft.section("plan"))
        // The product is named with the dosage form the doctor said.
        #expect(plan.text == "口服布洛芬混悬液 5ml，每6小时1次；口服阿莫西林颗粒 1袋，每日3次；多饮水；3天后复诊。")
        let quoted = plan.statements[0].evidence.compactMap { $0.quote(in: transcript) }
        #expect(quoted == ["布洛芬混悬液", "5ml", "每6小时"])
        #expect(draft.section("presentIllness")?.text.contains("服用小儿氨酚黄那敏颗粒") == true)
        #expect(draft.invalidEvidence(in: transcript).isEmpty)
    }

    @Test func thePlanHoldsWhatTheDoctorAdvisesNotWhatWasAlreadyTried() throws {
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "宝宝咳嗽一周了，晚上咳得厉害。"),
            TranscriptTurn(speaker: .doctor, text: "用了止咳药效果也不好，您可以去医院查个血常规看白细胞高不高，也建议看医生，化验一下CRP。"),
        ]
        let plan = try #require(builtInDraft(transcript).section("plan"))
        // 高不高 asks for a result, it does not report one; 用了 tells what was tried; orders are listed with commas.
        #expect(plan.text == "医院就诊，完善血常规、CRP。")
    }

    @Test func thePlanIsWrittenInARecordsOrderNotTheOrderSaid() throws {
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "宝宝发烧两天了。"),
            TranscriptTurn(speaker: .doctor, text: "注意观察精神，三天后复诊。可以先吃点美林，最好去医院查个血常规。"),
        ]
        let plan = try #require(builtInDraft(transcript).section("plan"))
        #expect(plan.text == "医院就诊，完善血常规，口服美林，密切观察，3天后复诊。")
        #expect(builtInDraft(transcript).invalidEvidence(in: transcript).isEmpty)
    }

    @Test(arguments: [
        ("先不要吃抗生素和退烧药，勤测量体温。", "监测体温。"),
        ("蒙脱石散可以停掉，不需要吃。超过38.5度，可以口服布洛芬退烧。", "停用蒙脱石散，口服布洛芬。"),
        ("那就不用再吃蒲地蓝了。", "停用蒲地蓝。"),
    ])
    func aMedicineTheDoctorWarnsAgainstIsNotPrescribedAndOneStoppedIsWrittenStopped(_ said: String, _ plan: String) throws {
        let transcript = [TranscriptTurn(speaker: .patient, text: "宝宝发烧一天。"), TranscriptTurn(speaker: .doctor, text: said)]
        let draft = builtInDraft(transcript)
        #expect(draft.section("plan")?.text == plan)
        #expect(draft.invalidEvidence(in: transcript).isEmpty)
    }

    @Test(arguments: [("最好去医院看看，查个血常规。", "医院就诊，完善血常规。"), ("要是烧不退，尽快就医，去医院查个血常规。", "如烧不退，及时就医；完善血常规。")])
    func goingToHospitalIsUrgentOnlyWhenTheDoctorSaysSo(_ said: String, _ plan: String) {
        let transcript = [TranscriptTurn(speaker: .patient, text: "宝宝发烧一天。"), TranscriptTurn(speaker: .doctor, text: said)]
        #expect(builtInDraft(transcript).section("plan")?.text == plan)
    }

    @Test func aTestOrderedInAQuestionIsOrderedOneAskedAboutIsNot() throws {
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "宝宝拉肚子一周。"),
            TranscriptTurn(speaker: .doctor, text: "有化验血常规吗？"),
            TranscriptTurn(speaker: .patient, text: "没有"),
            TranscriptTurn(speaker: .doctor, text: "可以去医院化验一下大便，查个大便常规看看有炎症吗？"),
        ]
        #expect(builtInDraft(transcript).section("plan")?.text == "医院就诊，完善大便常规。")
    }

    @Test func aMedicineNamedMorePreciselyLaterIsListedOnce() throws {
        let transcript = [TranscriptTurn(speaker: .patient, text: "宝宝咳嗽三天。"), TranscriptTurn(speaker: .doctor, text: "可以吃点头孢，建议头孢克洛。")]
        #expect(builtInDraft(transcript).section("plan")?.text == "口服头孢克洛。")
    }

    @Test func vitalSignsAreWrittenTheRecordsWay() throws {
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "胸口闷两天。"),
            TranscriptTurn(speaker: .other, text: "体温38度5，心率120次，呼吸28次/分，血压90/60，血氧饱和度95%。"),
            TranscriptTurn(speaker: .doctor, text: "咽部充血，双肺呼吸音粗，未闻及啰音。"),
        ]
        let draft = builtInDraft(transcript)
        let exam = try #require(draft.section("physicalExam"))
        #expect(exam.statements.map(\.text) == ["T 38.5℃", "P 120次/分", "R 28次/分", "BP 90/60mmHg", "SpO2 95%", "咽部充血", "双肺呼吸音粗", "未闻及啰音"])
        #expect(exam.statements[3].evidence.first?.quote(in: transcript) == "血压90/60")
        #expect(draft.invalidEvidence(in: transcript).isEmpty)
    }

    @Test func randomTranscriptsOfMixedScriptsNeverBreakTheDrafterOrItsSpans() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "发烧", "没有", "咳嗽", "３天", "39度5", "考虑", "肺炎", "口服", "布洛芬", "每次5ml", "，", "。", "？", "e\u{301}", "🤒", "👨‍👩‍👧",
            "\u{0007}", "ＡＢＣ", "血压120/80", "不", "了", "no", " fever ", "\u{3000}", "宝宝7个月", "多喝水", "三天后复诊",
        ]
        for _ in 0..<300 {
            let transcript = (0..<Int.random(in: 1...12, using: &generator)).map { index in
                TranscriptTurn(
                    speaker: index % 2 == 0 ? .patient : .doctor,
                    text: (0..<Int.random(in: 1...15, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            }
            for template in DraftTemplate.allCases {
                let draft = builtInDraft(transcript, template: template)
                #expect(draft.invalidEvidence(in: transcript).isEmpty, "\(transcript.map(\.text))")
                #expect(draft.statementsWithoutEvidence.isEmpty)
            }
        }
    }

    @Test func aConsultationWithNothingClinicalGetsTheEmptyTextsAndNoStatements() {
        let transcript = [TranscriptTurn(speaker: .doctor, text: "你好"), TranscriptTurn(speaker: .patient, text: "您好")]
        let draft = builtInDraft(transcript)
        #expect(draft.sections.allSatisfy { $0.statements.isEmpty })
        #expect(draft.section("pastHistory")?.text == "不详。")
    }
}
