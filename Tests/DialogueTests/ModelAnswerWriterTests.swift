import Clinical
import CompanionTestSupport
import Foundation
import ModelRuntime
import NIOCore
import Testing
@testable import Dialogue

/// Answers to hospital questions in a model's words stay grounded: the one retrieved entry must be cited, and nothing
/// sensitive (a number, a dose, an illness, a promise) the entry does not hold may be added; otherwise the entry's
/// own words are kept. Against a real HTTP server answering chosen JSON.
struct ModelAnswerWriterTests {
    static let entry = KnowledgeBase.Answer(id: "parking", text: "医院地下停车场在门诊楼B1，前2小时免费，之后每小时5元。", score: 0.8)

    static func written(_ text: String, cites: [String] = ["parking"]) -> ScriptedModelServer.Step {
        let cited = cites.map { "\"\($0)\"" }.joined(separator: ",")
        return .answer(#"{"text":"\#(text)","cites":[\#(cited)]}"#)
    }

    static let hospital = HospitalContext(
        name: .init(zh: "示范医院", en: "Demo Hospital"), departments: [.init(zh: "儿科", en: "Paediatrics"), .init(zh: "眼科", en: "")])

    static func ask(_ step: ScriptedModelServer.Step) async throws -> String? {
        try await askWithRequests(step).answer
    }

    static func askWithRequests(_ step: ScriptedModelServer.Step) async throws -> (answer: String?, requests: [String]) {
        let result = Box()
        let requests = RequestsBox()
        try await ScriptedModelServer.run([step]) { url, server in
            let writer = ModelAnswerWriter(
                client: ChatCompletionClient(configuration: ModelConfiguration(baseURL: url, model: "scripted", retries: 0)), budget: .seconds(30))
            result.value = await writer.answer("停车方便吗", from: Self.entry, language: .zh, at: Self.hospital)
            requests.value = await server.requests
        }
        return (result.value, requests.value)
    }

    @Test func theModelIsToldTheHospitalsNameAndDepartments() async throws {
        let requests = try await Self.askWithRequests(Self.written("停车场在门诊楼B1。")).requests
        #expect(requests.count == 1 && requests[0].contains("示范医院") && requests[0].contains("儿科、眼科"))
    }

    @Test func aGroundedAnswerInTheModelsWordsIsUsed() async throws {
        #expect(try await Self.ask(Self.written("可以停在门诊楼B1的地下停车场，前2小时不收费。")) == "可以停在门诊楼B1的地下停车场，前2小时不收费。")
    }

    @Test(arguments: [
        written("停车场前3小时免费。"), written("停车场在B1，保证有车位。"), written("停车场在B1，头疼的话每次吃2片布洛芬。"),
        written("停车场在门诊楼B1。", cites: ["fees"]), written(""), ScriptedModelServer.Step.status(500), .raw("不是JSON"),
    ])
    func anAnswerThatAddsWhatTheEntryDoesNotSayIsNotUsed(_ step: ScriptedModelServer.Step) async throws {
        #expect(try await Self.ask(step) == nil)
    }

    @Test func theRailsLetThroughWhatTheEntryItselfSays() {
        let rails = ReplyRails.shipped
        #expect(rails.allows("每小时5元，前2小时免费", sources: [Self.entry.text]))
        #expect(!rails.allows("每小时6元", sources: [Self.entry.text]))
        #expect(!rails.allows("这是高血压", sources: [Self.entry.text]))
        #expect(rails.allows("高血压门诊在三楼", sources: ["高血压门诊在三楼"]))
        #expect(!rails.allows("I guarantee a space", sources: ["Parking is under the clinic building."]))
        #expect(rails.allows("Bring fluids and a book during the wait", sources: ["You may wait in the hall."]))
    }
}

/// A value set inside a `@Sendable` closure and read after it.
private final class Box: @unchecked Sendable {
    var value: String?
}

/// Requests seen inside a `@Sendable` closure, read after it.
private final class RequestsBox: @unchecked Sendable {
    var value: [String] = []
}

/// Prompts are data: the shipped ones load, and one missing a placeholder or a version stops start-up naming its file.
struct ModelPromptTests {
    @Test func theShippedPromptsLoadAndFillIn() {
        #expect(!ModelPrompt.understanding.version.isEmpty)
        let values = ["id": "parking", "entry": "Parking is under the clinic."]
        let text = ModelPrompt.answer.text(.en, filling: values, at: ModelAnswerWriterTests.hospital)
        #expect(text.contains("Entry parking: Parking is under the clinic.") && !text.contains("{"))
        #expect(text.contains("Demo Hospital") && text.contains("Paediatrics, 眼科"), "a department without an English name keeps its own")
        let unnamed = ModelPrompt.answer.text(.zh, filling: values, at: nil)
        #expect(!unnamed.contains("{") && !unnamed.contains("医院："))
    }

    @Test func aPromptWithoutItsPlaceholderIsRefused() {
        let hospital = #""hospital": {"zh": "{name}{departments}", "en": "{name}{departments}"}"#
        let broken = Data(#"{"version": "1", "zh": "没有占位", "en": "{entry}", \#(hospital)}"#.utf8)
        #expect(throws: KnowledgeError.self) { try ModelPrompt.load(broken, name: "answer-prompt", placeholders: ["{entry}"]) }
        let noDepartments = Data(#"{"version": "1", "zh": "{entry}", "en": "{entry}", "hospital": {"zh": "{name}", "en": "{name}"}}"#.utf8)
        #expect(throws: KnowledgeError.self) { try ModelPrompt.load(noDepartments, name: "answer-prompt", placeholders: ["{entry}"]) }
        #expect(throws: Never.self) {
            try ModelPrompt.load(
                Data(#"{"version": "1", "zh": "{entry}", "en": "{entry}", \#(hospital)}"#.utf8),
                name: "answer-prompt", placeholders: ["{entry}"])
        }
    }
}
