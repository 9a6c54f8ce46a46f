import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import CompanionTestSupport
import SQLKit
import Storage
import Testing

@Suite("Conversation: triage, red flags, FAQ, handoff, speech, storage")
struct ConversationRouteTests {
    /// Starts a conversation and returns its id.
    static func start(_ api: API, _ token: String, language: String = "zh") async throws -> String {
        let response = try await api.send(.post, "/v1/conversations", json: #"{"language":"\#(language)"}"#, token: token)
        #expect(response.status == .created)
        return try #require(try response.json()["id"] as? String)
    }

    static func say(_ api: API, _ token: String, _ id: String, _ text: String, speech: String? = nil) async throws -> [String: Any] {
        let body = speech.map { #"{"text":"\#(text)","speech":{"format":"\#($0)"}}"# } ?? #"{"text":"\#(text)"}"#
        let response = try await api.send(.post, "/v1/conversations/\(id)/messages", json: body, token: token)
        #expect(response.status == .ok, "\(text): \(response.text)")
        return try #require(try response.json()["reply"] as? [String: Any])
    }

    @Test("a child with fever: one follow-up at most, then 儿科 with the reason and the not-a-doctor notice", arguments: TestEngine.available)
    func childWithFever(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let session = try await api.login()
            let id = try await Self.start(api, session.accessToken)
            var reply = try await Self.say(api, session.accessToken, id, "孩子发烧了")
            var turns = 0
            while reply["triage"] == nil, turns < 3 {
                #expect(reply["stage"] as? String == "triage")
                reply = try await Self.say(api, session.accessToken, id, turns == 0 ? "38.5度" : "三天了")
                turns += 1
            }
            let triage = try #require(reply["triage"] as? [String: Any])
            #expect(triage["departmentId"] as? String == "dept_pediatrics")
            #expect(triage["departmentName"] as? String == "儿科")
            #expect(["urgent", "routine"].contains(triage["level"] as? String))
            let text = try #require(reply["text"] as? String)
            #expect(text.contains("儿科") && text.contains("我不是医生"))
            #expect((reply["cards"] as? [[String: Any]])?.first?["type"] as? String == "directions")
        }
    }

    @Test("chest pain becomes an emergency mid-conversation: 120, the emergency department's card, recorded in the state")
    func chestPainEmergency() async throws {
        try await withAPI { api in
            let session = try await api.login()
            let id = try await Self.start(api, session.accessToken)
            let first = try await Self.say(api, session.accessToken, id, "我胸口痛")
            #expect(first["stage"] as? String == "triage")
            let reply = try await Self.say(api, session.accessToken, id, "有，一直出冷汗，还喘不上气")
            #expect(reply["stage"] as? String == "emergency")
            let cards = try #require(reply["cards"] as? [[String: Any]])
            #expect(cards.contains { $0["type"] as? String == "emergency" && $0["phone"] as? String == "120" })
            #expect((reply["text"] as? String)?.contains("120") == true)
            #expect((reply["actions"] as? [[String: Any]])?.first?["type"] as? String == "emergency_advised")
            // Whatever is said next, the emergency advice stands.
            let next = try await Self.say(api, session.accessToken, id, "好的")
            #expect(next["stage"] as? String == "emergency")
            let stored = try await api.send(.get, "/v1/conversations/\(id)", token: session.accessToken).json()
            #expect(stored["stage"] as? String == "emergency")
            #expect(((stored["triage"] as? [String: Any])?["redFlags"] as? [String])?.isEmpty == false)
        }
    }

    @Test("别的科 offers the next department the evidence kept, and booking then looks there")
    func anotherDepartment() async throws {
        try await withAPI { api in
            let session = try await api.login()
            let id = try await Self.start(api, session.accessToken)
            var reply = try await Self.say(api, session.accessToken, id, "腰疼，小便有血，三天了")
            let first = try #require((reply["triage"] as? [String: Any])?["departmentName"] as? String)
            #expect(first == "泌尿外科")
            reply = try await Self.say(api, session.accessToken, id, "还有别的科可以看吗")
            let second = try #require((reply["triage"] as? [String: Any])?["departmentName"] as? String)
            #expect(second != first && (reply["text"] as? String)?.contains(second) == true)
            reply = try await Self.say(api, session.accessToken, id, "帮我预约")
            #expect(reply["stage"] as? String == "booking")
            let stored = try await api.send(.get, "/v1/conversations/\(id)", token: session.accessToken).json()
            #expect((stored["triage"] as? [String: Any])?["departmentName"] as? String == second)
        }
    }

    @Test("English: a question answered from the hospital's knowledge; an unknown one twice leads to a person")
    func englishFAQAndHandoff() async throws {
        try await withAPI { api in
            let session = try await api.login()
            let id = try await Self.start(api, session.accessToken, language: "en")
            let parking = try await Self.say(api, session.accessToken, id, "Where can I park my car?")
            #expect((parking["cards"] as? [[String: Any]])?.first?["faqId"] as? String == "parking")
            #expect(parking["language"] as? String == "en")
            _ = try await Self.say(api, session.accessToken, id, "blorp wibble")
            let second = try await Self.say(api, session.accessToken, id, "zzzz qqqq")
            #expect(second["stage"] as? String == "handoff")
            let human = try await Self.say(api, session.accessToken, id, "转人工")
            #expect(human["stage"] as? String == "handoff")
            #expect(human["language"] as? String == "zh")
        }
    }

    @Test("a reply asked with speech carries audio and marks")
    func spokenReply() async throws {
        try await withAPI { api in
            let session = try await api.login()
            let id = try await Self.start(api, session.accessToken)
            let reply = try await Self.say(api, session.accessToken, id, "药房在哪里", speech: "mp3")
            let speech = try #require(reply["speech"] as? [String: Any])
            #expect((speech["words"] as? [Any])?.isEmpty == false)
            #expect((speech["durationMs"] as? Int ?? 0) > 1000)
            let audio = try await api.send(.get, try #require(speech["audioUrl"] as? String), token: session.accessToken)
            #expect(audio.status == .ok)
            #expect(audio.headers[.contentType] == "audio/mpeg")
        }
    }

    @Test("the conversation continues from another device; delete forgets it; another account never sees it", arguments: TestEngine.available)
    func storedAndScoped(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let phone = try await api.login("13800138001")
            let id = try await Self.start(api, phone.accessToken)
            _ = try await Self.say(api, phone.accessToken, id, "头疼两天了")
            let tablet = try await api.login("13800138001")
            let reply = try await Self.say(api, tablet.accessToken, id, "不是突然的")
            #expect(reply["stage"] as? String == "triage")
            let stored = try await api.send(.get, "/v1/conversations/\(id)", token: tablet.accessToken).json()
            let turns = try #require(stored["turns"] as? [[String: Any]])
            #expect(turns.count == 5)
            #expect(turns[1]["text"] as? String == "头疼两天了")
            #expect(((stored["facts"] as? [String: Any])?["symptoms"] as? [String])?.contains("headache") == true)

            let stranger = try await api.login("13900139000")
            #expect(try await api.send(.get, "/v1/conversations/\(id)", token: stranger.accessToken).status == .notFound)
            #expect(
                try await api.send(.post, "/v1/conversations/\(id)/messages", json: #"{"text":"你好"}"#, token: stranger.accessToken).status
                    == .notFound)
            #expect(try await api.send(.delete, "/v1/conversations/\(id)", token: stranger.accessToken).status == .notFound)

            #expect(try await api.send(.delete, "/v1/conversations/\(id)", token: phone.accessToken).status == .noContent)
            #expect(try await api.send(.get, "/v1/conversations/\(id)", token: phone.accessToken).status == .notFound)
            let left = try await api.database.sql.raw("SELECT COUNT(*) AS n FROM conversation_turns WHERE conversation_id = \(bind: id)").first()
            #expect(try left?.decode(column: "n", as: Int.self) == 0)
        }
    }

    @Test(
        "an account lists its own conversations, newest first, and forgets them all at once; another account's stay", arguments: TestEngine.available)
    func listedAndForgottenTogether(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let me = try await api.login("13800138001")
            let first = try await Self.start(api, me.accessToken)
            _ = try await Self.say(api, me.accessToken, first, "头疼两天了")
            let second = try await Self.start(api, me.accessToken)
            _ = try await Self.say(api, me.accessToken, second, "孩子咳嗽三天")
            let stranger = try await api.login("13900139000")
            let theirs = try await Self.start(api, stranger.accessToken)

            let listed = try #require(try await api.send(.get, "/v1/conversations", token: me.accessToken).json()["items"] as? [[String: Any]])
            #expect(listed.map { $0["id"] as? String } == [second, first])
            #expect(listed.first?["complaint"] as? String != nil)
            let theirList = try #require(
                try await api.send(.get, "/v1/conversations", token: stranger.accessToken).json()["items"] as? [[String: Any]])
            #expect(theirList.map { $0["id"] as? String } == [theirs])

            #expect(try await api.send(.delete, "/v1/conversations", token: me.accessToken).status == .noContent)
            let after = try #require(try await api.send(.get, "/v1/conversations", token: me.accessToken).json()["items"] as? [[String: Any]])
            #expect(after.isEmpty)
            for id in [first, second] {
                #expect(try await api.send(.get, "/v1/conversations/\(id)", token: me.accessToken).status == .notFound)
                let left = try await api.database.sql.raw("SELECT COUNT(*) AS n FROM conversation_turns WHERE conversation_id = \(bind: id)").first()
                #expect(try left?.decode(column: "n", as: Int.self) == 0)
            }
            #expect(try await api.send(.get, "/v1/conversations/\(theirs)", token: stranger.accessToken).status == .ok)
        }
    }

    static let badMessageCases: [(String, Int)] = [
        (#"{"text":""}"#, 422), (#"{"text":"   "}"#, 422), (#"{"text":"😊👍"}"#, 422), (#"{"text":"\u0007\u0001"}"#, 422),
        (#"{"text":"\#(String(repeating: "疼", count: 10_000))"}"#, 413), (#"{"text":"你好","speech":{"format":"flac"}}"#, 422), (#"{}"#, 400),
    ]

    @Test("bad messages are problems and leave no turn behind", arguments: badMessageCases)
    func badMessages(body: String, status: Int) async throws {
        try await withAPI { api in
            let session = try await api.login()
            let id = try await Self.start(api, session.accessToken)
            let response = try await api.send(.post, "/v1/conversations/\(id)/messages", json: body, token: session.accessToken)
            #expect(response.status.code == status)
            #expect(response.isProblem)
            let stored = try await api.send(.get, "/v1/conversations/\(id)", token: session.accessToken).json()
            #expect((stored["turns"] as? [Any])?.count == 1)
        }
    }

    @Test("a conversation needs a patient sign-in and the patient profile must be the account's")
    func access() async throws {
        try await withAPI { api in
            #expect(try await api.send(.post, "/v1/conversations", json: "{}").status == .unauthorized)
            let owner = try await api.login("13800138002")
            let patientId = try await api.createPatient(owner.accessToken)
            let other = try await api.login("13800138003")
            #expect(
                try await api.send(.post, "/v1/conversations", json: #"{"patientId":"\#(patientId)"}"#, token: other.accessToken).status == .notFound)
            #expect(
                try await api.send(.post, "/v1/conversations", json: #"{"patientId":"\#(patientId)"}"#, token: owner.accessToken).status == .created)
        }
    }
}

@Suite("Conversation: the patient profile and the log")
struct ConversationProfileTests {
    @Test("a conversation about a child's profile routes to 儿科 without asking who is ill")
    func childProfileRoutesToPediatrics() async throws {
        try await withAPI { api in
            let session = try await api.login()
            let child = try await api.createPatient(session.accessToken, name: "李小朵", birthDate: "2022-03-01")
            let started = try await api.send(.post, "/v1/conversations", json: #"{"patientId":"\#(child)"}"#, token: session.accessToken)
            let id = try #require(try started.json()["id"] as? String)
            let reply = try await ConversationRouteTests.say(api, session.accessToken, id, "咳嗽两周了，没有发烧")
            #expect((reply["triage"] as? [String: Any])?["departmentId"] as? String == "dept_pediatrics")
        }
    }

    @Test("what the patient says never reaches the log")
    func logsHoldNoMessages() async throws {
        let logs = LogCapture()
        try await withAPI(logs: logs) { api in
            let session = try await api.login()
            let id = try await ConversationRouteTests.start(api, session.accessToken)
            _ = try await ConversationRouteTests.say(api, session.accessToken, id, "我最近总想自杀")
            _ = try await ConversationRouteTests.say(api, session.accessToken, id, "胸口痛得厉害")
        }
        #expect(!logs.text.contains("自杀"))
        #expect(!logs.text.contains("胸口"))
        #expect(logs.text.contains("/messages"))
    }
}
