import CompanionTestSupport
import Foundation
import NIOCore
import Testing
@testable import ModelRuntime

/// The model engine against a scripted OpenAI-compatible server: redaction before the request, restoration after,
/// every statement checked, retries and the fall-back to the built-in engine.
struct ModelDrafterTests {
    static let transcript = [
        TranscriptTurn(speaker: .patient, text: "我叫王小明，电话13912345678，身份证110105199003071234，住在北京市朝阳区建国路88号。"),
        TranscriptTurn(speaker: .patient, text: "发烧三天了，最高39度，没有咳嗽。"),
        TranscriptTurn(speaker: .doctor, text: "考虑上呼吸道感染，多喝水，三天后复诊。"),
    ]
    static let request = DraftRequest(transcript: transcript, template: .zhOutpatient, knownNames: ["王小明"])

    // Generous by default: the whole suite starts at once on two cores; the timeout tests give their own short ones.
    static func drafter(_ url: String, retries: Int = 2, timeout: TimeAmount = .seconds(30)) -> ModelDrafter {
        ModelDrafter(configuration: ModelConfiguration(baseURL: url, model: "scripted-7b", timeout: timeout, retries: retries))
    }

    static let validAnswer = """
        {"sections":[
          {"key":"chiefComplaint","statements":[{"text":"发热3天","quote":"发烧三天了","turn":1}]},
          {"key":"presentIllness","statements":[{"text":"[NAME_1]发烧三天，最高39度","quote":"发烧三天了，最高39度","turn":1},
                                               {"text":"无咳嗽","quote":"没有咳嗽","turn":1},
                                               {"text":"有哮喘病史","quote":"发烧三天了","turn":1}]},
          {"key":"diagnosis","statements":[{"text":"考虑上呼吸道感染","quote":"考虑上呼吸道感染","turn":2}]},
          {"key":"plan","statements":[{"text":"口服阿莫西林","quote":"","turn":2},{"text":"多喝水，三天后复诊","quote":"多喝水，三天后复诊","turn":2}]}
        ]}
        """

    @Test func identifiersNeverLeaveAndStatementsAreCheckedAgainstTheTranscript() async throws {
        try await ScriptedModelServer.run([.answer(Self.validAnswer)]) { url, server in
            let draft = try await Self.drafter(url).draft(Self.request)
            #expect(draft.engine == EngineInfo(name: "model", model: "scripted-7b", version: ModelDrafter.version))
            let sent = await server.requests.joined()
            for secret in ["王小明", "13912345678", "110105199003071234", "建国路88号"] {
                #expect(!sent.contains(secret), "\(secret) was sent to the model")
            }
            #expect(sent.contains("[NAME_1]") && sent.contains("[PHONE_1]") && sent.contains("[ID_1]") && sent.contains("[ADDRESS_1]"))
            #expect(sent.contains("json_schema"))

            let illness = try #require(draft.section("presentIllness"))
            #expect(illness.statements[0].text.hasPrefix("王小明"), "placeholders are restored in the answer")
            #expect(illness.statements[0].flags.isEmpty)
            #expect(illness.statements[1].flags.isEmpty, "无咳嗽 quoting 没有咳嗽 is a negative both ways")
            // Invented: its quote exists but says something else.
            #expect(illness.statements[2].text == "有哮喘病史" && illness.statements[2].flags == [.unsupported] && illness.statements[2].evidence.isEmpty)
            let plan = try #require(draft.section("plan"))
            #expect(plan.statements[0].flags == [.unsupported], "a medicine nobody mentioned is kept, flagged")
            #expect(plan.statements[1].flags.isEmpty)
            #expect(draft.section("diagnosis")?.statements.first?.flags == [.uncertain])
            #expect(draft.invalidEvidence(in: Self.transcript).isEmpty)
            for statement in draft.sections.flatMap(\.statements) {
                #expect(!statement.evidence.isEmpty || statement.flags.contains(.unsupported), "\(statement.text)")
            }
        }
    }

    @Test func aStatementThatDeniesWhatItsQuoteSaysIsFlagged() async throws {
        let answer = #"{"sections":[{"key":"presentIllness","statements":[{"text":"无发烧，三天了","quote":"发烧三天了","turn":1}]}]}"#
        try await ScriptedModelServer.run([.answer(answer)]) { url, _ in
            let draft = try await Self.drafter(url).draft(Self.request)
            #expect(draft.section("presentIllness")?.statements.first?.flags.contains(.negationConflict) == true)
        }
    }

    @Test func malformedAnswersAreRetriedWithinTheBound() async throws {
        try await ScriptedModelServer.run([.raw("not json at all"), .raw(#"{"sections": [{"key": "plan""#), .answer(Self.validAnswer)]) {
            url, server in
            let draft = try await Self.drafter(url, retries: 2).draft(Self.request)
            #expect(draft.engine.name == "model")
            #expect(await server.requests.count == 3)
        }
    }

    @Test func aFailingServerFallsBackToTheBuiltInEngineAndSaysWhy() async throws {
        try await ScriptedModelServer.run([.status(500), .status(503), .status(500)]) { url, server in
            let draft = try await Self.drafter(url, retries: 2).draft(Self.request)
            #expect(draft.engine.name == "builtin")
            #expect(draft.engine.fallbackReason?.contains("HTTP 500") == true)
            #expect(await server.requests.count == 3)
            #expect(draft.section("chiefComplaint")?.text == "发热3天。")
        }
    }

    @Test func aServerThatOnlyKnowsJSONObjectIsAskedInItsDialect() async throws {
        try await ScriptedModelServer.run([.refuseFormat, .answer(Self.validAnswer)]) { url, server in
            let draft = try await Self.drafter(url, retries: 0).draft(Self.request)
            #expect(draft.engine.name == "model")
            let requests = await server.requests
            #expect(requests.count == 2)
            #expect(requests[0].contains(#""type":"json_schema""#) && requests[1].contains(#""type":"json_object""#))
        }
    }

    @Test func controlCharactersInsideTheAnswerDoNotBreakIt() async throws {
        try await ScriptedModelServer.run([
            .raw("```json\n{\"sections\":[{\"key\":\"plan\",\"statements\":[{\"text\":\"多喝水\u{0001}\n\",\"quote\":\"多喝水\",\"turn\":2}]}]}\n```")
        ]) { url, _ in
            let draft = try await Self.drafter(url, retries: 0).draft(Self.request)
            #expect(draft.engine.name == "model")
            #expect(draft.section("plan")?.statements.count == 1)
        }
    }

    @Test func aClientErrorIsNotRetried() async throws {
        try await ScriptedModelServer.run([.status(400), .answer(Self.validAnswer)]) { url, server in
            let draft = try await Self.drafter(url).draft(Self.request)
            #expect(draft.engine.name == "builtin" && draft.engine.fallbackReason?.contains("HTTP 400") == true)
            #expect(await server.requests.count == 1)
        }
    }

    @Test func aSlowServerTimesOutAndFallsBack() async throws {
        try await ScriptedModelServer.run([.slow(.seconds(3)), .slow(.seconds(3))]) { url, server in
            let draft = try await Self.drafter(url, retries: 1, timeout: .milliseconds(600)).draft(Self.request)
            #expect(draft.engine.name == "builtin")
            #expect(draft.engine.fallbackReason?.contains("timed out") == true)
            // Under load an attempt may time out before the server even sees it; never more than the two allowed.
            #expect(await server.requests.count <= 2)
        }
    }

    @Test func anUnreachableServerFallsBack() async throws {
        let draft = try await Self.drafter("http://127.0.0.1:9/v1", retries: 0, timeout: .milliseconds(500)).draft(Self.request)
        #expect(draft.engine.name == "builtin" && draft.engine.fallbackReason != nil)
    }
}
