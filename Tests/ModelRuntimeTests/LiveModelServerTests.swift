import Foundation
import NIOCore
import Testing
@testable import ModelRuntime

/// Against a real OpenAI-compatible server when `COMPANION_TEST_MODEL_URL` names one (CI starts llama-cpp-python's
/// server on a tiny random-weight GGUF written by scripts/tiny-gguf.py). Its words are noise, so every statement
/// must come back flagged `unsupported`, in a draft the model (not the fall-back) wrote.
struct LiveModelServerTests {
    static let url = ProcessInfo.processInfo.environment["COMPANION_TEST_MODEL_URL"]

    @Test(.enabled(if: url != nil), arguments: [DraftTemplate.zhOutpatient, .enSOAP])
    func aRealServerAnswersAndEveryNoisyStatementIsFlagged(_ template: DraftTemplate) async throws {
        let transcript =
            template == .zhOutpatient
            ? [TranscriptTurn(speaker: .patient, text: "我叫王小明，电话13912345678，发烧三天了。"), TranscriptTurn(speaker: .doctor, text: "多喝水，三天后复诊。")]
            : [
                TranscriptTurn(speaker: .patient, text: "i've had a fever for three days ."),
                TranscriptTurn(speaker: .doctor, text: "drink plenty of fluids ."),
            ]
        let drafter = ModelDrafter(configuration: ModelConfiguration(baseURL: Self.url!, model: "tiny", timeout: .seconds(120), retries: 1))
        let draft = try await drafter.draft(DraftRequest(transcript: transcript, template: template, knownNames: ["王小明"]))
        #expect(draft.engine.name == "model", "fell back: \(draft.engine.fallbackReason ?? "")")
        #expect(draft.sections.map(\.key) == template.sections.map(\.key))
        let statements = draft.sections.flatMap(\.statements)
        #expect(!statements.isEmpty, "the model wrote nothing")
        for statement in statements {
            #expect(statement.flags.contains(.unsupported) && statement.evidence.isEmpty, "\(statement.text)")
        }
        #expect(draft.invalidEvidence(in: transcript).isEmpty)
    }
}
