import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// `POST /v1/conversations/{id}/messages` with `Accept: text/event-stream`: the reply sentence by sentence, each with
/// its own speech, then the whole reply.
@Suite("Conversation: the reply streamed for the avatar")
struct StreamingRouteTests {
    struct Event {
        let name: String
        let data: [String: Any]
    }

    static let streamOnly: HTTPFields = [.accept: "text/event-stream"]

    /// The events of a server-sent event stream, in order.
    static func events(_ text: String) throws -> [Event] {
        try text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { block in
            var name = "message"
            var data = ""
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data += line.dropFirst(6) }
            }
            let object = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] ?? [:]
            return Event(name: name, data: object)
        }
    }

    static func send(_ api: API, _ token: String, _ id: String, _ body: String, accept: String, key: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.accept: accept]
        if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
        return try await api.send(.post, "/v1/conversations/\(id)/messages", json: body, token: token, headers: headers)
    }

    @Test("sentences with their own speech, then the whole reply; the sentences make its text; the turn is stored", arguments: TestEngine.available)
    func streamedSpokenReply(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let session = try await api.login()
            let id = try await ConversationRouteTests.start(api, session.accessToken)
            let response = try await Self.send(
                api, session.accessToken, id, #"{"text":"我爸胸口疼，出了一身冷汗，喘不上气","speech":{"format":"mp3"}}"#, accept: "text/event-stream")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream")
            let events = try Self.events(response.text)
            let sentences = events.filter { $0.name == "sentence" }
            #expect(sentences.count >= 2, "an emergency reply says more than one thing")
            #expect(events.map(\.name) == Array(repeating: "sentence", count: sentences.count) + ["reply"])
            let reply = try #require(events.last?.data["reply"] as? [String: Any])
            #expect(reply["stage"] as? String == "emergency")
            #expect(reply["speech"] == nil, "each sentence carries its own speech")
            #expect(sentences.compactMap { $0.data["text"] as? String }.joined() == reply["text"] as? String)
            #expect(sentences.map { $0.data["index"] as? Int } == Array(0..<sentences.count))
            for sentence in sentences {
                let speech = try #require(sentence.data["speech"] as? [String: Any])
                #expect((speech["words"] as? [Any])?.isEmpty == false && (speech["visemes"] as? [Any])?.isEmpty == false)
                let audio = try await api.send(.get, try #require(speech["audioUrl"] as? String), token: session.accessToken)
                #expect(audio.status == .ok && audio.headers[.contentType] == "audio/mpeg")
                #expect(audio.body.readableBytes == speech["byteCount"] as? Int)
            }
            let stored = try await api.send(.get, "/v1/conversations/\(id)", token: session.accessToken).json()
            let turns = try #require(stored["turns"] as? [[String: Any]])
            #expect(turns.last?["text"] as? String == reply["text"] as? String)
            #expect(stored["stage"] as? String == "emergency")
        }
    }

    @Test("JSON as before unless the stream is preferred: both listed alike (a generated client's default) is JSON")
    func negotiation() async throws {
        try await withAPI { api in
            let session = try await api.login()
            let id = try await ConversationRouteTests.start(api, session.accessToken)
            let cases: [(accept: String, stream: Bool)] = [
                ("application/json, text/event-stream", false), ("application/json", false), ("*/*", false),
                ("text/event-stream", true), ("text/event-stream, application/json; q=0.5", true),
            ]
            for (accept, stream) in cases {
                let response = try await Self.send(api, session.accessToken, id, #"{"text":"药房在哪里"}"#, accept: accept)
                #expect(response.status == .ok, "\(accept)")
                #expect(response.headers[.contentType] == (stream ? "text/event-stream" : "application/json; charset=utf-8"), "\(accept)")
            }
        }
    }

    @Test("refusals come before any event, as problems; a reply without speech streams as text")
    func refusalsBeforeTheStream() async throws {
        try await withAPI { api in
            let session = try await api.login()
            let id = try await ConversationRouteTests.start(api, session.accessToken)
            let badFormat = try await Self.send(
                api, session.accessToken, id, #"{"text":"你好","speech":{"format":"flac"}}"#, accept: "text/event-stream")
            #expect(badFormat.status == .unprocessableContent && badFormat.isProblem)
            let empty = try await Self.send(api, session.accessToken, id, #"{}"#, accept: "text/event-stream")
            #expect(empty.status == .badRequest && empty.isProblem)
            let unknown = try await Self.send(api, session.accessToken, "conv_nothere", #"{"text":"你好"}"#, accept: "text/event-stream")
            #expect(unknown.status == .notFound && unknown.isProblem)
            try await api.consent(session.accessToken, ["health_conversation"], granted: false)
            let withdrawn = try await Self.send(api, session.accessToken, id, #"{"text":"头疼"}"#, accept: "text/event-stream")
            #expect(withdrawn.status == .forbidden && withdrawn.isProblem)
            try await api.consent(session.accessToken, ["health_conversation"])
            let text = try Self.events(try await Self.send(api, session.accessToken, id, #"{"text":"药房在哪里"}"#, accept: "text/event-stream").text)
            #expect(text.last?.name == "reply" && text.dropLast().allSatisfy { $0.name == "sentence" && $0.data["speech"] == nil })
        }
    }

    @Test("an Idempotency-Key: the stream is stored once whole and replayed byte for byte; the turn is taken once", arguments: TestEngine.available)
    func idempotentStream(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let session = try await api.login()
            let id = try await ConversationRouteTests.start(api, session.accessToken)
            let body = #"{"text":"孩子咳嗽三天了","speech":{"format":"mp3"}}"#
            let first = try await Self.send(api, session.accessToken, id, body, accept: "text/event-stream", key: "turn-1")
            let again = try await Self.send(api, session.accessToken, id, body, accept: "text/event-stream", key: "turn-1")
            #expect(first.status == .ok && again.status == .ok)
            #expect(again.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(again.headers[.contentType] == "text/event-stream")
            #expect(first.text == again.text)
            #expect(try Self.events(again.text).last?.name == "reply")
            let turns = try #require(
                try await api.send(.get, "/v1/conversations/\(id)", token: session.accessToken).json()["turns"] as? [[String: Any]])
            #expect(turns.filter { $0["role"] as? String == "patient" }.count == 1)
        }
    }
}
