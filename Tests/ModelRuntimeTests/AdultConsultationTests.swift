import Testing
@testable import ModelRuntime

/// Short adult visits keep what was said plainly: a long-standing disease and its medicine in the history, a vital
/// sign said across a comma, a test ordered by its verb, a symptom composed from a site and what is felt there.
struct AdultConsultationTests {
    @Test func aLongStandingDiseaseAndItsMedicineAreTheHistory() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "头疼三天了。"), TranscriptTurn(speaker: .doctor, text: "以前有什么病？"),
            TranscriptTurn(speaker: .patient, text: "有高血压，一直吃氨氯地平。糖尿病也五年了，打胰岛素。"),
        ])
        let history = try #require(draft.section("pastHistory")?.text)
        for fact in ["高血压", "长期使用氨氯地平", "糖尿病", "长期使用胰岛素"] { #expect(history.contains(fact), "\(fact) in \(history)") }
    }

    @Test func aDeniedChronicDiseaseIsNotTheHistory() throws {
        let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: "咳嗽两天，没有高血压。")])
        #expect(draft.section("pastHistory")?.text.contains("高血压") == false)
    }

    @Test func aVitalSignSaidAcrossACommaAndATestOrderedByItsVerb() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "头疼。"),
            TranscriptTurn(speaker: .doctor, text: "血压测一下，130/85。先去拍个胸片，查个血常规。"),
        ])
        #expect(draft.section("physicalExam")?.text.contains("BP 130/85mmHg") == true)
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("胸片") && plan.contains("血常规"), "\(plan)")
    }

    @Test(arguments: [
        ("这几天小便的时候很痛，老想上厕所。", "尿痛"), ("眼睛又红又痒，两天了。", "眼红、眼痒"), ("腰疼一个星期了。", "腰痛"),
        ("脚趾头发麻一个月。", "足趾麻木"),
    ])
    func aSiteWithWhatIsFeltThereIsASymptom(_ said: String, _ symptoms: String) throws {
        let illness = try #require(builtInDraft([TranscriptTurn(speaker: .patient, text: said)]).section("presentIllness")?.text)
        #expect(illness.contains(symptoms), "\(illness)")
    }

    @Test func aDenialBetweenTheSiteAndWhatIsFeltDeniesIt() throws {
        let illness = try #require(builtInDraft([TranscriptTurn(speaker: .patient, text: "腰疼一周，腿不麻。")]).section("presentIllness")?.text)
        #expect(illness.contains("无下肢麻木") && !illness.contains("、下肢麻木"), "\(illness)")
    }

    @Test func aDiagnosisFromTheSharedTermsIsWrittenByItsRecordName() throws {
        let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: "头疼。"), TranscriptTurn(speaker: .doctor, text: "考虑紧张性头痛。")])
        #expect(draft.section("diagnosis")?.text == "紧张型头痛？")
    }
}
