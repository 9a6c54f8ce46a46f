import Testing
@testable import Dialogue

struct KnowledgeTests {
    static let questions: [(String, Language, String)] = [
        ("医院停车方便吗？", .zh, "parking"), ("能用医保卡吗", .zh, "medical_insurance"), ("抽血前要不要空腹", .zh, "fasting_blood_test"),
        ("做B超需要憋尿吗？", .zh, "ultrasound_preparation"), ("门诊几点开始看病", .zh, "opening_hours"), ("去医院要带什么证件", .zh, "what_to_bring"),
        ("病房探视几点", .zh, "visiting_rules"), ("Where can I park my car?", .en, "parking"), ("Do you take medical insurance?", .en, "medical_insurance"),
        ("Can I eat before my blood test?", .en, "fasting_blood_test"), ("What are your visiting hours?", .en, "visiting_rules"),
    ]

    @Test(arguments: questions)
    func answersCommonQuestions(question: String, language: Language, id: String) throws {
        let answer = try KnowledgeBase.bundled().answer(question, language: language)
        #expect(answer?.id == id, "\(question): \(String(describing: answer))")
    }

    @Test(arguments: [("火星上有医院吗", Language.zh), ("what is the capital of France", .en), ("量子力学", .zh)])
    func saysItDoesNotKnow(question: String, language: Language) throws {
        #expect(try KnowledgeBase.bundled().answer(question, language: language) == nil)
    }
}
