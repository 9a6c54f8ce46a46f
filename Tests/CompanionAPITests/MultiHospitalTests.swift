@testable import CompanionAPI
import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Scheduling
import Storage
import Testing

@Suite("Several hospitals on one server")
struct MultiHospitalTests {
    static let qingshan = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/hospitals/qingshan-county.fhir.json")

    static func importQingshan(_ api: API) async throws {
        _ = try await HospitalFiles(bundle: qingshan).importInto(api.database)
    }

    static func firstReply(_ api: API, _ token: String, hospital: String, _ text: String) async throws -> [String: Any] {
        let started = try await api.send(.post, "/v1/conversations", json: #"{"hospitalId":"\#(hospital)"}"#, token: token)
        #expect(started.status == .created, "\(started.text)")
        let id = try #require(try started.json()["id"] as? String)
        return try await ConversationRouteTests.say(api, token, id, text)
    }

    static func firstTriage(_ api: API, _ token: String, hospital: String, _ text: String) async throws -> [String: Any] {
        let reply = try await firstReply(api, token, hospital: hospital, text)
        return try #require(reply["triage"] as? [String: Any], "\(hospital): \(text) → \(reply)")
    }

    @Test("each conversation is with one hospital: its departments, its fallbacks, its emergency department", arguments: TestEngine.available)
    func twoHospitals(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            try await Self.importQingshan(api)
            let session = try await api.login()
            let listed = try await api.send(.get, "/v1/hospitals", token: session.accessToken)
            #expect(((try listed.json()["items"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } == ["hosp_demo", "qingshan"])

            let greeting = try await api.send(.post, "/v1/conversations", json: #"{"hospitalId":"qingshan"}"#, token: session.accessToken)
            let greetingText = ((try greeting.json()["reply"] as? [String: Any])?["text"] as? String) ?? ""
            #expect(greetingText.contains("小青"), "the hospital's own wording: \(greetingText)")
            let demoGreeting = try await api.send(.post, "/v1/conversations", json: #"{"hospitalId":"hosp_demo"}"#, token: session.accessToken)
            #expect((((try demoGreeting.json()["reply"] as? [String: Any])?["text"] as? String) ?? "").contains("您的就医助理"))
            for (hospital, gate) in [("qingshan", "南门"), ("hosp_demo", "东门")] {
                let parking = try await Self.firstReply(api, session.accessToken, hospital: hospital, "停车场在哪里？")
                #expect((parking["text"] as? String ?? "").contains(gate), "\(hospital)'s own answer: \(parking)")
            }
            let release = try await Self.firstReply(api, session.accessToken, hospital: "hosp_demo", "几点放号？")
            #expect(!(release["text"] as? String ?? "").contains("14 天"), "the county's answer is not the demo's: \(release)")
            let eyes = try await Self.firstTriage(api, session.accessToken, hospital: "qingshan", "眼睛又红又痒，三天了")
            #expect(eyes["departmentId"] as? String == "qs-wgk" && eyes["departmentName"] as? String == "五官科")
            let demoEyes = try await Self.firstTriage(api, session.accessToken, hospital: "hosp_demo", "眼睛又红又痒，三天了")
            #expect(demoEyes["departmentId"] as? String == "dept_ophthalmology")
            let cough = try await Self.firstTriage(api, session.accessToken, hospital: "qingshan", "咳嗽两个星期了，有白痰，不发烧")
            #expect(cough["departmentName"] as? String == "大内科")
            let joints = try await Self.firstTriage(api, session.accessToken, hospital: "qingshan", "类风湿关节炎好几年了，想复诊开药")
            #expect(joints["departmentId"] as? String == "qs-dnk", "no 风湿免疫科: internal medicine by the fallback chain")
            let chest = try await Self.firstTriage(api, session.accessToken, hospital: "qingshan", "胸口压着疼，一身冷汗")
            #expect(chest["level"] as? String == "emergency" && chest["departmentId"] as? String == "qs-jzk")
        }
    }

    @Test("with several hospitals a conversation must name one: 422 names the choices")
    func hospitalRequired() async throws {
        try await withAPI { api in
            let session = try await api.login()
            let single = try await api.send(.post, "/v1/conversations", json: "{}", token: session.accessToken)
            #expect(single.status == .created, "the only hospital needs no naming")
            try await Self.importQingshan(api)
            for body in ["{}", #"{"hospitalId":"nowhere"}"#] {
                let refused = try await api.send(.post, "/v1/conversations", json: body, token: session.accessToken)
                #expect(refused.status == .unprocessableContent, "\(body)")
                #expect(refused.text.contains("hosp_demo") && refused.text.contains("qingshan") && refused.text.contains("hospitalId"))
            }
        }
    }

    @Test("a server with no hospital says so in /readyz and refuses conversations and booking with 503 until one is imported")
    func noHospital() async throws {
        try await withAPI(mode: .production, demoHospital: false) { api in
            let ready = try await api.send(.get, "/readyz")
            let readiness = try ready.json()
            #expect(ready.status == .ok && readiness["hospitals"] as? Int == 0)
            let session = try await api.login()
            for (method, path, body) in [
                (HTTPRequest.Method.post, "/v1/conversations", "{}"), (.get, "/v1/slots?departmentId=qs-wgk", nil),
                (.post, "/v1/appointments", #"{"slotId":"slot_x","patientId":"pat_x"}"#),
            ] {
                let refused = try await api.send(method, path, json: body, token: session.accessToken)
                #expect(refused.status == .serviceUnavailable && refused.text.contains("no_hospital"), "\(path): \(refused.text)")
            }
            try await Self.importQingshan(api)
            let started = try await api.send(.post, "/v1/conversations", json: "{}", token: session.accessToken)
            #expect(started.status == .created)
            let readyNow = try await api.send(.get, "/readyz").json()
            #expect(readyNow["hospitals"] as? Int == 1)
        }
    }
}
