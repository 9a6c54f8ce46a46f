import CompanionTestSupport
import Dialogue
import Foundation
import ModelRuntime
import NIOCore
import Testing

/// The model engine behind a conversation over the API: its instructions name the conversation's hospital and its
/// departments, in the message's language (the prompt is data, filled in per hospital).
@Suite("Conversation: the model engine at a hospital")
struct ModelConversationRouteTests {
    @Test("the model is told the hospital's name and departments, in the message's language")
    func hospitalInThePrompt() async throws {
        let reading =
            #"{"intent":"statement","present":[],"absent":[],"durationDays":null,"temperature":null,"age":null,"#
            + #""daysFromToday":null,"period":null,"choice":null}"#
        try await ScriptedModelServer.run([.answer(reading), .answer(reading)]) { url, server in
            let understanding = ModelUnderstanding(
                client: ChatCompletionClient(configuration: ModelConfiguration(baseURL: url, model: "scripted", retries: 0)), budget: .seconds(30))
            try await withAPI(understanding: understanding) { api in
                let session = try await api.login()
                let id = try await ConversationRouteTests.start(api, session.accessToken)
                _ = try await ConversationRouteTests.say(api, session.accessToken, id, "头疼两天了")
                _ = try await ConversationRouteTests.say(api, session.accessToken, id, "I have had a headache for two days")
            }
            let requests = await server.requests
            #expect(requests.count == 2)
            #expect(requests.first?.contains("示范市第一人民医院") == true && requests.first?.contains("儿科、") == true)
            #expect(requests.last?.contains("Demo City First People's Hospital") == true && requests.last?.contains("Pediatrics") == true)
        }
    }
}
