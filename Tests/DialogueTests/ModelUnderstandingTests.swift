import CompanionTestSupport
import Foundation
import ModelRuntime
import NIOCore
import Testing
@testable import Dialogue

/// The model engine behind the conversation, against a real HTTP server that answers chosen JSON: its reading is used
/// when valid, dropped when not (and counted), and the built-in rails win over whatever it says.
struct ModelUnderstandingTests {
    static func engine(_ url: String, budget: TimeAmount = .seconds(30)) -> ModelUnderstanding {
        ModelUnderstanding(
            client: ChatCompletionClient(configuration: ModelConfiguration(baseURL: url, model: "scripted", retries: 0)), budget: budget)
    }

    static func answer(intent: String = "statement", present: [String] = [], absent: [String] = [], days: Int? = nil) -> String {
        let list = { (ids: [String]) in "[" + ids.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        return #"{"intent":"\#(intent)","present":\#(list(present)),"absent":\#(list(absent)),"durationDays":\#(days.map(String.init) ?? "null"),"#
            + #""temperature":null,"age":null,"daysFromToday":null,"period":null,"choice":null}"#
    }

    static let unknownToTheBuiltInEngine = "老毛病又犯了，跟上回一模一样"

    @Test func aValidReadingAddsWhatTheBuiltInEngineMissedAndTheDepartmentFollows() async throws {
        let builtIn = BuiltInUnderstanding().understand(Self.unknownToTheBuiltInEngine, today: .monday)
        #expect(builtIn.facts.symptoms.isEmpty)
        #expect(Triage.assess(builtIn.facts, departments: DemoDepartments.bySpecialty)?.departmentId == nil)
        try await ScriptedModelServer.run([.answer(Self.answer(present: ["gout"], days: 2))]) { url, server in
            let engine = Self.engine(url)
            let utterance = await engine.understand(Self.unknownToTheBuiltInEngine, today: .monday)
            #expect(utterance.facts.symptoms == ["gout"] && utterance.facts.durationDays == 2)
            #expect(Triage.assess(utterance.facts, departments: DemoDepartments.bySpecialty)?.departmentId != nil)
            #expect(engine.fallbacks == 0 && utterance.understoodBy == "model scripted prompt \(ModelPrompt.understanding.version)")
            // The request names the knowledge's codes as an enum and asks for JSON under the schema.
            let request = try #require(await server.requests.first)
            #expect(request.contains("\"gout\"") && request.contains("json_schema") && request.contains("understanding"))
        }
    }

    @Test(arguments: [
        ScriptedModelServer.Step.answer(#"{"intent":"statement","present":["not_a_code"],"absent":[]}"#), .raw("no JSON here"), .status(500),
        .slow(.seconds(4)),
    ])
    func anInvalidLateOrFailingAnswerLeavesTheBuiltInReadingAndIsCounted(_ step: ScriptedModelServer.Step) async throws {
        let text = "咳嗽三天了"
        let builtIn = BuiltInUnderstanding().understand(text, today: .monday)
        try await ScriptedModelServer.run([step]) { url, _ in
            // Only the slow answer is to be late: the others get a budget no loaded machine exceeds.
            let late: Bool
            if case .slow = step { late = true } else { late = false }
            let engine = Self.engine(url, budget: late ? .seconds(1) : .seconds(30))
            var utterance = await engine.understand(text, today: .monday)
            if late { #expect(utterance.understoodBy == "builtin (model fell back: timed out)") }
            utterance.understoodBy = builtIn.understoodBy
            #expect(utterance == builtIn)
            if case .answer = step {
                // Decodable but naming no code the knowledge has: nothing added, nothing counted as a failure.
                #expect(engine.fallbacks == 0)
            } else {
                #expect(engine.fallbacks == 1)
            }
        }
    }

    @Test func theRailsWinOverAModelThatSaysChestPainWithSweatingIsNothing() async throws {
        let text = "胸口疼，出了一身冷汗"
        try await ScriptedModelServer.run([.answer(Self.answer(intent: "greeting", absent: ["chest_pain", "sweating"]))]) { url, _ in
            let utterance = await Self.engine(url).understand(text, today: .monday)
            #expect(utterance.facts.symptoms.contains("chest_pain") && !utterance.facts.negated.contains("chest_pain"))
            #expect(Triage.assess(utterance.facts, departments: DemoDepartments.bySpecialty)?.level == .emergency)
        }
    }
}

/// Against the real llama.cpp server CI starts (tiny random weights: its words are noise), every emergency of a
/// sample of the development set stays an emergency and no turn fails.
struct LiveModelUnderstandingTests {
    static let url = ProcessInfo.processInfo.environment["COMPANION_TEST_MODEL_URL"]

    @Test(.enabled(if: url != nil)) func aNoisyModelNeverTakesAnEmergencyAway() async throws {
        let engine = ModelUnderstanding(
            client: ChatCompletionClient(configuration: ModelConfiguration(baseURL: Self.url!, model: "tiny", retries: 0, maxTokens: 200)),
            budget: .seconds(3))
        let cases = try TriageCase.readLines(Data(contentsOf: ProjectTriageSetTests.folder.appendingPathComponent("red-flags.dev.jsonl")))
        let emergencies = cases.filter { $0.redFlag == true }.prefix(12)
        var evaluation = TriageEvaluation(departments: DemoDepartments.bySpecialty, understanding: engine)
        for item in emergencies { await evaluation.add(item) }
        #expect(evaluation.flagsCaught == emergencies.count, "\(evaluation.misses)")
        let departmentCases = try TriageCase.readLines(Data(contentsOf: ProjectTriageSetTests.folder.appendingPathComponent("departments.dev.jsonl")))
        for item in departmentCases.prefix(5) {
            let facts = await engine.understand(item.text, today: .monday).facts
            let department = Triage.assess(facts, departments: DemoDepartments.bySpecialty)?.departmentId
            #expect(department == nil || DemoDepartments.bySpecialty.values.contains(department!))
        }
    }
}
