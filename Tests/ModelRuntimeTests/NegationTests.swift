import Testing
@testable import ModelRuntime

/// Our own cases of denial, doubt and "no longer", each checked in the drafted 现病史 and 初步诊断: a denied
/// symptom must never come out as present, nor a present one as denied (zero inversions).
struct NegationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let turns: [(Speaker, String)]
        let present: [String]
        let denied: [String]
        var testDescription: String { turns.map(\.1).joined(separator: " / ") }
    }

    static let cases: [Case] = [
        Case(turns: [(.patient, "孩子发烧两天了，没有咳嗽。")], present: ["发热"], denied: ["咳嗽"]),
        Case(turns: [(.patient, "否认胸痛，最近有点头晕。")], present: ["头晕"], denied: ["胸痛"]),
        Case(turns: [(.patient, "不发烧，就是一直咳嗽。")], present: ["咳嗽"], denied: ["发热"]),
        Case(turns: [(.patient, "没发烧，拉肚子三天。")], present: ["腹泻"], denied: ["发热"]),
        Case(turns: [(.patient, "咳嗽没有好转，还是咳得厉害。")], present: ["咳嗽"], denied: []),
        Case(turns: [(.patient, "没有发烧但是咳嗽。")], present: ["咳嗽"], denied: ["发热"]),
        Case(turns: [(.patient, "没吃药也发烧。")], present: ["发热"], denied: []),
        Case(turns: [(.patient, "宝宝呕吐两次"), (.doctor, "有没有发烧？"), (.patient, "没有")], present: ["呕吐"], denied: ["发热"]),
        Case(turns: [(.patient, "宝宝咳嗽"), (.doctor, "有没有流鼻涕、打喷嚏？"), (.patient, "没有的")], present: ["咳嗽"], denied: ["流涕", "打喷嚏"]),
        Case(turns: [(.patient, "宝宝咳嗽"), (.doctor, "有痰吗？"), (.patient, "有的")], present: ["咳嗽", "咳痰"], denied: []),
        Case(turns: [(.patient, "孩子腹痛"), (.doctor, "拉肚子吗？"), (.patient, "不拉")], present: ["腹痛"], denied: ["腹泻"]),
        Case(turns: [(.patient, "无发热，咽痛一天")], present: ["咽痛"], denied: ["发热"]),
        Case(turns: [(.patient, "头痛，未见呕吐")], present: ["头痛"], denied: ["呕吐"]),
        Case(turns: [(.patient, "流鼻涕，并无发热")], present: ["流涕"], denied: ["发热"]),
        Case(turns: [(.patient, "头疼，不知道是不是发烧")], present: ["头痛"], denied: []),
        Case(turns: [(.patient, "吃了美林不烧了，还在咳嗽")], present: ["咳嗽", "发热"], denied: []),
        Case(turns: [(.patient, "从来没有抽搐过，这次高烧")], present: ["高热"], denied: ["抽搐"]),
        Case(turns: [(.patient, "宝宝拉肚子，不吐")], present: ["腹泻"], denied: ["呕吐"]),
        Case(turns: [(.patient, "有点咳嗽，也不怎么流鼻涕")], present: ["咳嗽"], denied: ["流涕"]),
        Case(turns: [(.patient, "皮疹两天，不痒")], present: ["皮疹"], denied: ["瘙痒"]),
        Case(turns: [(.patient, "孩子三天不拉粑粑了")], present: ["便秘"], denied: []),
        Case(turns: [(.patient, "孩子不吃饭，精神也不好")], present: ["食欲差", "精神差"], denied: []),
        Case(turns: [(.patient, "我胸口疼，没有出汗")], present: ["胸痛"], denied: ["出汗"]),
        Case(turns: [(.patient, "腹泻一周"), (.doctor, "发烧吗？"), (.patient, "不发烧")], present: ["腹泻"], denied: ["发热"]),
        Case(turns: [(.patient, "孩子咳嗽"), (.doctor, "喘不喘？"), (.patient, "有点")], present: ["咳嗽", "喘息"], denied: []),
        Case(turns: [(.patient, "鼻塞，没有流涕，也没有发热")], present: ["鼻塞"], denied: ["流涕", "发热"]),
        Case(turns: [(.patient, "肚子疼，没拉肚子")], present: ["腹痛"], denied: ["腹泻"]),
        Case(turns: [(.patient, "发烧，吐了一次，没有腹泻")], present: ["发热", "呕吐"], denied: ["腹泻"]),
        Case(turns: [(.patient, "嗓子疼，但是不咳嗽")], present: ["咽痛"], denied: ["咳嗽"]),
        Case(turns: [(.patient, "孩子黄疸，不发烧，吃奶好")], present: ["黄疸"], denied: ["发热"]),
        Case(turns: [(.patient, "头疼两天，否认头晕")], present: ["头痛"], denied: ["头晕"]),
        Case(turns: [(.patient, "咳嗽，无痰")], present: ["咳嗽"], denied: ["咳痰"]),
        // Two questions, two clauses of answer: each clause answers its own question.
        Case(
            turns: [(.patient, "夜里起来尿好几次"), (.doctor, "尿的时候疼不疼？有没有尿血？"), (.patient, "不疼，也没见过血。")], present: ["夜尿增多"],
            denied: ["尿痛", "血尿"]),
        // A site and a quality that say a named symptom take its name (小便 + 发红 → 血尿, not 尿红).
        Case(turns: [(.patient, "腰疼，小便有点发红，没有尿痛")], present: ["腰痛", "血尿"], denied: ["尿痛"]),
        // An answer naming one of the things asked says nothing of the others.
        Case(
            turns: [(.patient, "眼睛又红又痒"), (.doctor, "有没有过敏性鼻炎或者哮喘？"), (.patient, "有过敏性鼻炎好多年了。")], present: ["眼红痒"],
            denied: []),
    ]

    @Test(arguments: cases)
    func presentAndDeniedSymptomsKeepTheirSense(_ example: Case) throws {
        let transcript = example.turns.map { TranscriptTurn(speaker: $0.0, text: $0.1) }
        let draft = builtInDraft(transcript)
        let statements = try #require(draft.section("presentIllness")).statements.map(\.text)
        let deniedText = statements.filter { $0.hasPrefix("无") }.joined(separator: "，")
        let presentText = statements.filter { !$0.hasPrefix("无") }.joined(separator: "，")
        for symptom in example.present {
            #expect(presentText.contains(symptom), "\(symptom) should be present in \(statements)")
            #expect(!deniedText.contains("无" + symptom), "\(symptom) was inverted to denied in \(statements)")
        }
        for symptom in example.denied {
            #expect(deniedText.contains("无" + symptom), "\(symptom) should be denied in \(statements)")
            #expect(!presentText.contains(symptom), "\(symptom) was inverted to present in \(statements)")
        }
        // Only what was said either way is written.
        let said = Set(example.present + example.denied)
        for name in ChineseClinicalTerms.symptoms.map(\.name) where !said.contains(name) && (name != "发热" || !said.contains("高热")) {
            #expect(!statements.joined().contains(name), "\(name) was never said but is in \(statements)")
        }
        #expect(draft.invalidEvidence(in: transcript).isEmpty)
    }

    @Test func aDeniedGeneralStateIsNotWrittenAsAPertinentNegative() throws {
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "孩子咳嗽三天了。"),
            TranscriptTurn(speaker: .doctor, text: "食欲不好吗？"),
            TranscriptTurn(speaker: .patient, text: "没有。"),
        ]
        let draft = builtInDraft(transcript)
        let text = try #require(draft.section("presentIllness")).text
        #expect(text.hasPrefix("患儿3天前出现咳嗽"))
        #expect(!text.contains("食欲差"), "\(text)")
    }

    @Test func aDoctorsDoubtStaysADoubtAndARuledOutDiagnosisIsNotWritten() throws {
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "孩子咳嗽一周，有痰。"),
            TranscriptTurn(speaker: .doctor, text: "听诊没有啰音，不是肺炎。"),
            TranscriptTurn(speaker: .doctor, text: "考虑支气管炎，可能和受凉有关。"),
        ]
        let draft = builtInDraft(transcript)
        let diagnosis = try #require(draft.section("diagnosis"))
        #expect(diagnosis.text == "小儿支气管炎？")
        #expect(diagnosis.statements.first?.flags.contains(.uncertain) == true)
        #expect(!diagnosis.text.contains("肺炎"))
    }

    @Test func betweenTwoDiagnosesNamedAsOftenTheOneNamedLastIsWritten() throws {
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "孩子咳嗽一周。"),
            TranscriptTurn(speaker: .doctor, text: "考虑肺炎，也可能是支气管炎。"),
        ]
        let draft = builtInDraft(transcript)
        #expect(draft.section("diagnosis")?.text == "小儿支气管炎？")
    }

    @Test func englishDenialsComeFromTheAnswerToTheQuestion() throws {
        let transcript = [
            TranscriptTurn(speaker: .doctor, text: "any chest pain or shortness of breath ?"),
            TranscriptTurn(speaker: .patient, text: "no , not that i've noticed ."),
            TranscriptTurn(speaker: .patient, text: "but i've had a headache for three days ."),
        ]
        let draft = builtInDraft(transcript, template: .enSOAP)
        let subjective = try #require(draft.section("subjective")).statements.map(\.text)
        #expect(subjective.contains("Denies chest pain and shortness of breath."))
        #expect(!subjective.contains { $0.hasPrefix("Denies") && $0.contains("headache") })
        #expect(subjective.contains("The patient has had a headache for three days."))
        #expect(subjective.contains { $0.contains("headache for three days") })
    }
}
