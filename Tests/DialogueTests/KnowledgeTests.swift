import Scheduling
import Testing
import Wording

@testable import Dialogue

struct KnowledgeTests {
    static let demo = KnowledgeBase.general.including((try? DemoHospital.settings().faq) ?? [])

    static let questions: [(String, Language, String)] = [
        ("医院停车方便吗？", .zh, "parking"), ("能用医保卡吗", .zh, "medical_insurance"), ("抽血前要不要空腹", .zh, "fasting_blood_test"),
        ("做B超需要憋尿吗？", .zh, "ultrasound_preparation"), ("门诊几点开始看病", .zh, "opening_hours"), ("去医院要带什么证件", .zh, "what_to_bring"),
        ("病房探视几点", .zh, "visiting_rules"), ("Where can I park my car?", .en, "parking"), ("Do you take medical insurance?", .en, "medical_insurance"),
        ("Can I eat before my blood test?", .en, "fasting_blood_test"), ("What are your visiting hours?", .en, "visiting_rules"),
    ]

    @Test(arguments: questions)
    func answersCommonQuestionsAtTheDemoHospital(question: String, language: Language, id: String) throws {
        let answer = Self.demo.answer(question, language: language)
        #expect(answer?.id == id, "\(question): \(String(describing: answer))")
    }

    @Test(arguments: [("火星上有医院吗", Language.zh), ("what is the capital of France", .en), ("量子力学", .zh)])
    func saysItDoesNotKnow(question: String, language: Language) throws {
        #expect(Self.demo.answer(question, language: language) == nil)
    }

    @Test func generalAnswersHoldEverywhereButParkingIsTheHospitals() {
        #expect(KnowledgeBase.general.answer("抽血前要不要空腹", language: .zh)?.id == "fasting_blood_test")
        #expect(KnowledgeBase.general.answer("医院停车方便吗？", language: .zh) == nil)
    }

    @Test func aHospitalEntryReplacesTheShippedOneWithItsId() {
        let own = FAQEntry(
            id: "fasting_blood_test", zh: .init(questions: ["抽血要空腹吗"], answer: "本院抽血 7:00 开始。"),
            en: .init(questions: ["fasting for blood test"], answer: "Blood is taken from 7:00."))
        let answer = KnowledgeBase.general.including([own]).answer("抽血前要不要空腹", language: .zh)
        #expect(answer?.text == "本院抽血 7:00 开始。")
    }
}
